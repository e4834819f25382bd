// Passerelle: this webapp speaks French (locales/fr.json, written for Passerelle) and nothing else.
export default {
  // Supervisors see no button they may not use (scripts/read-only.js, styles/user-styles.css).
  customScripts: ['scripts/read-only'],
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  }
};
