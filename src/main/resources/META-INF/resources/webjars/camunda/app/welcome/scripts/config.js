// Passerelle: this webapp speaks French (locales/fr.json, written for Passerelle) and nothing else;
// after the login it also leads to Passerelle's own pages (same session).
export default {
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  },
  links: [
    {
      label: 'Annuaire des partenaires',
      href: '/annuaire/partenaires',
      description: 'Structures partenaires, critères d\'admission et contacts (responsables de programme)'
    },
    {
      label: 'Chiffres du programme',
      href: '/tableau-de-bord',
      description: 'Contacts, diagnostics, orientations et issues des parcours (superviseurs et responsables)'
    }
  ]
};
