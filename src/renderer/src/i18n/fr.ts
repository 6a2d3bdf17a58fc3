import type { MessageKey } from './en';

export const fr: Record<MessageKey, string> = {
  'app.name': 'OAI Desktop',
  'app.tagline': 'Online Account Information',
  'shell.loading': 'Démarrage…',
  'shell.bridgeError': "L'application n'a pas pu joindre ses services : {message}",
  'shell.welcomeTitle': 'Bienvenue dans OAI Desktop',
  'shell.welcomeBody': 'Les consommations de vos salles d’audioconférence, mois par mois, conservées sur cet ordinateur.',
  'status.version': 'Version {version}',
  'status.shell.electron': 'Application de bureau',
  'status.shell.browser-harness': 'Banc de test navigateur',
  'nav.language': 'Langue',
};
