// Passerelle: every task list opens with the oldest due date first (Tasklist's own default is "newest created
// first", which hid the oldest unanswered youth at the bottom). Tasklist reads its order from the page address,
// so a list opened without an explicit order gets ours; a mediator who picks another order keeps it.
const DUE_FIRST = JSON.stringify([
  { sortBy: 'dueDate', sortOrder: 'asc' },
  { sortBy: 'created', sortOrder: 'asc' }
]);

function openDueFirst() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_FIRST);
  window.location.replace('#/?' + params.toString());
}

openDueFirst();
window.addEventListener('hashchange', openDueFirst);

export default [];
