// Passerelle: this webapp speaks French (locales/fr.json, written for Passerelle) and nothing else.
export default {
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  }
};
