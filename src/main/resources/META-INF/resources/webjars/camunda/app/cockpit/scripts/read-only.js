// Passerelle: supervisors watch Cockpit but may not change anything. Buttons they cannot use (suspend, cancel,
// modify, migrate, retry, edit variables…) are hidden rather than answered with a refusal: the engine tells us
// whether the signed-in user may change process instances, and a read-only user gets the "passerelle-read-only" look.
const CHECK = 'permissionName=UPDATE&resourceName=ProcessInstance&resourceType=8&resourceId=*';

async function markReadOnly() {
  const engine = (window.location.pathname.match(/\/app\/cockpit\/([^/]+)/) || [])[1] || 'default';
  const base = window.location.pathname.split('/app/cockpit/')[0];
  try {
    const answer = await fetch(`${base}/api/engine/engine/${engine}/authorization/check?${CHECK}`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!answer.ok) {
      return;
    }
    const check = await answer.json();
    document.body.classList.toggle('passerelle-read-only', check.authorized === false);
  } catch (e) {
    // Not signed in yet: checked again on the next page.
  }
}

markReadOnly();
window.addEventListener('hashchange', markReadOnly);

export default [];
