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
    },
    {
      label: 'Campagnes',
      href: '/tableau-de-bord/campagnes',
      description: 'Entonnoir par campagne, canal, territoire ou semaine, charge des médiateurs (superviseurs et responsables)'
    },
    {
      label: 'Mentors',
      href: '/programme/mentors',
      description: 'Mentors d\'entreprise : recherche, fiches, import d\'une liste (responsables de programme)'
    }
  ]
};
