// English UI strings. Every user-facing string of the renderer lives here and
// in fr.ts; a unit test fails when a key is missing from either.
export const en = {
  'app.name': 'OAI Desktop',
  'app.tagline': 'Online Account Information',
  'shell.loading': 'Starting…',
  'shell.bridgeError': 'The app could not reach its services: {message}',
  'shell.welcomeTitle': 'Welcome to OAI Desktop',
  'shell.welcomeBody': 'Your audioconference usage, month by month, kept on this computer.',
  'status.version': 'Version {version}',
  'status.shell.electron': 'Desktop app',
  'status.shell.browser-harness': 'Browser harness',
  'nav.language': 'Language',
} as const;

export type MessageKey = keyof typeof en;
