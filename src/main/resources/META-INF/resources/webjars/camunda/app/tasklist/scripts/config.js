// Passerelle: Tasklist speaks French (locales/fr.json, written for Passerelle) and nothing else.
export default {
  // Lists open with the oldest due date first (scripts/due-first.js).
  customScripts: ['scripts/due-first'],
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prendre en charge la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'aller au premier filtre'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'aller à la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'aller au premier champ du formulaire'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'démarrer un processus'
    }
  }
};
