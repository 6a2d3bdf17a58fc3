// Fixed vocabulary of the demo account: who it is, people's names, phone
// formats, billing codes and per-minute rates. Pure data, no logic.
import type { AccountResponse } from '../provider/api-schemas';

export const DEMO_USERNAME = 'demo@meetingone.example';
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ACCOUNT_NUMBER = '602127';

export const DEMO_ACCOUNT: AccountResponse = {
  accountNumber: DEMO_ACCOUNT_NUMBER,
  companyName: 'MeetingOne Phoenix',
  currency: 'EUR',
  timeZone: 'Europe/Paris',
  supportPhone: '+32 2 789 00 10',
};

export interface Country {
  code: string;
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** '#' = a random digit; '*' stay masked as the provider sends them. */
  phoneTemplate: string;
}

export const COUNTRIES: Record<'fr' | 'de' | 'it' | 'es' | 'nl' | 'pl' | 'be' | 'gb', Country> = {
  fr: {
    code: 'fr',
    firstNames: ['Jean', 'Marie', 'Claire', 'Nicolas', 'Sophie', 'Julien', 'Camille', 'Thomas', 'Élodie', 'Pierre', 'Isabelle', 'François', 'Aurélie', 'Mathieu', 'Hélène', 'Sébastien'],
    lastNames: ['Dupont', 'Martin', 'Lefèvre', 'Moreau', 'Girard', 'Rousseau', 'Fournier', 'Lambert', 'Bonnet', 'Mercier', 'Chevalier', 'Faure', 'Gauthier', 'Perrin', 'Marchand', 'Roux'],
    phoneTemplate: '+33 # ** ** ## ##',
  },
  de: {
    code: 'de',
    firstNames: ['Lukas', 'Anna', 'Jürgen', 'Katrin', 'Stefan', 'Monika', 'Felix', 'Ursula', 'Matthias', 'Sabine'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Wagner'],
    phoneTemplate: '+49 ## **** ####',
  },
  it: {
    code: 'it',
    firstNames: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Alessandro', 'Valentina', 'Matteo', 'Elena', 'Davide'],
    lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
    phoneTemplate: '+39 0# **** ####',
  },
  es: {
    code: 'es',
    firstNames: ['Lucía', 'Javier', 'Carmen', 'Alejandro', 'Marta', 'Pablo', 'Elena', 'Sergio', 'Laura', 'Diego'],
    lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz'],
    phoneTemplate: '+34 9# *** ## ##',
  },
  nl: {
    code: 'nl',
    firstNames: ['Daan', 'Sanne', 'Joost', 'Femke', 'Bram', 'Lotte', 'Sem', 'Eva', 'Ruud', 'Anouk'],
    lastNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'],
    phoneTemplate: '+31 ## *** ####',
  },
  pl: {
    code: 'pl',
    firstNames: ['Katarzyna', 'Piotr', 'Agnieszka', 'Tomasz', 'Magdalena', 'Paweł', 'Joanna', 'Krzysztof', 'Anna', 'Michał'],
    lastNames: ['Nowak', 'Kowalski', 'Wiśniewska', 'Wójcik', 'Kamiński', 'Lewandowska', 'Zieliński', 'Szymańska', 'Woźniak', 'Dąbrowski'],
    phoneTemplate: '+48 ## *** ## ##',
  },
  be: {
    code: 'be',
    firstNames: ['Wout', 'Manon', 'Arnaud', 'Ine', 'Olivier', 'Charlotte', 'Pieter', 'Amélie', 'Koen', 'Nathalie'],
    lastNames: ['Peeters', 'Janssens', 'Maes', 'Dubois', 'Lambrecht', 'Claes', 'Goossens', 'Wouters', 'Lemaire', 'Dupuis'],
    phoneTemplate: '+32 # *** ## ##',
  },
  gb: {
    code: 'gb',
    firstNames: ['Oliver', 'Emma', 'James', 'Charlotte', 'Harry', 'Sophie', 'George', 'Emily'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas', 'Clarke'],
    phoneTemplate: '+44 20 **** ####',
  },
};

export const CARDHOLDER_COUNTRIES: readonly (readonly [Country, number])[] = [
  [COUNTRIES.fr, 50],
  [COUNTRIES.be, 10],
  [COUNTRIES.de, 8],
  [COUNTRIES.it, 8],
  [COUNTRIES.es, 8],
  [COUNTRIES.nl, 8],
  [COUNTRIES.pl, 8],
];

export const FOREIGN_COUNTRIES: readonly Country[] = [COUNTRIES.de, COUNTRIES.it, COUNTRIES.es, COUNTRIES.nl, COUNTRIES.pl, COUNTRIES.be, COUNTRIES.gb];

export type AccessType = 'toll' | 'toll-free' | 'international' | 'dial-out' | 'web';

/** Per-minute rate of each access type, in euro cents. */
export const RATE_CENTS_PER_MINUTE: Record<AccessType, number> = {
  toll: 9,
  'toll-free': 14,
  international: 28,
  'dial-out': 19,
  web: 4,
};

export type ServiceType = 'Reservationless' | 'Operator Assisted' | 'Dial-Out' | 'Web';

export const SERVICE_TYPE_WEIGHTS: readonly (readonly [ServiceType, number])[] = [
  ['Reservationless', 76],
  ['Operator Assisted', 9],
  ['Dial-Out', 8],
  ['Web', 7],
];

/** How participants reach a conference, by the conference's service type. */
export const ACCESS_WEIGHTS: Record<ServiceType, readonly (readonly [AccessType, number])[]> = {
  Reservationless: [['toll', 62], ['toll-free', 22], ['international', 10], ['web', 6]],
  'Operator Assisted': [['toll-free', 50], ['toll', 30], ['international', 20]],
  'Dial-Out': [['dial-out', 75], ['toll', 25]],
  Web: [['web', 80], ['toll', 20]],
};

/** Participants per conference (1–12, about 6 on average). */
export const PARTICIPANT_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 3], [2, 8], [3, 10], [4, 11], [5, 11], [6, 11], [7, 10], [8, 9], [9, 8], [10, 7], [11, 6], [12, 6],
];

/** Codes put on conferences; all valid under the new-assignment rule. */
export const CONFERENCE_BILLING_CODES: readonly string[] = ['PROJ-42', 'SALES', 'HR.2009', 'CLIENT-A', 'CLIENT-B', 'TRAINING', 'BOARD', 'PROJ-17'];

/** Room auto billing codes. */
export const AUTO_BILLING_CODES: readonly string[] = ['MKTG', 'SALES', 'SUPPORT', 'FIN-OPS', 'TRAINING'];

/** A code from before today's rule ('&' and '/' are no longer allowed): clients must show it as is. */
export const LEGACY_AUTO_BILLING_CODE = 'R&D/2009';
