// Every word an exported workbook shows besides the data, in both UI
// languages. The Conferences sheet's column names are OAI's own download
// columns and stay in English in both languages, so spreadsheets built on
// OAI's Download keep working.

export type ExportLanguage = 'en' | 'fr';

const en = {
  'sheet.summary': 'Summary',
  'sheet.conferences': 'Conferences',
  'sheet.participants': 'Participants',
  'sheet.billingCodes': 'Billing codes',
  'sheet.room': 'Room {room}',
  'sheet.conference': 'Conference',

  'title.summary': 'Account Summary',
  'title.conferences': 'Conference List',
  'title.participants': 'Participants',
  'title.billingCodes': 'Billing Codes',
  'title.room': 'Conference List',
  'title.conference': 'Conference',

  'info.accountNumber': 'Account Number',
  'info.companyName': 'Company Name',
  'info.billingPeriod': 'Billing Period',
  'info.roomDisplay': 'Room Display',
  'info.filter': 'Filter',
  'info.roomNumber': 'Room Number',
  'info.cardholder': 'Cardholder',
  'info.conference': 'Conference start',
  'info.billingCode': 'Billing Code',
  'info.generatedAt': 'Generated',
  'info.dataAsOf': 'Data as of',
  'info.neverSynced': 'Never synced',
  'info.archived': 'Archived: no longer served by the provider',
  'info.notInCache': 'Not in the cache',

  'period.open': 'Since {start} — Not invoiced',
  'period.invoiced': '{month} — Invoiced',
  'period.range': '{first} to {last}',
  'display.active': 'Active rooms',
  'display.all': 'All rooms',

  'col.roomNumber': 'Room Number',
  'col.cardholder': 'Cardholder',
  'col.autoBillingCode': 'Auto Billing Code',
  'col.conferences': 'Conferences',
  'col.accumulatedTime': 'Accumulated Time',
  'col.charge': 'Charge',
  'col.billingCode': 'Billing Code',
  'col.date': 'Date',
  'col.startTime': 'Start Time',
  'col.conferenceId': 'Conference ID',
  'col.name': 'Name',
  'col.phone': 'Phone',
  'col.accessType': 'Access Type',
  'col.joined': 'Joined',
  'col.left': 'Left',
  'col.duration': 'Duration',

  'table.total': 'Total',
  'table.totalShown': 'Total shown',
  'code.unallocated': 'Unallocated',

  'accessType.toll': 'Toll',
  'accessType.tollFree': 'Toll-free',
  'accessType.international': 'International',
  'accessType.dialOut': 'Dial-Out',
  'accessType.web': 'Web',
};

export type LabelKey = keyof typeof en;

const fr: Record<LabelKey, string> = {
  'sheet.summary': 'Synthèse',
  'sheet.conferences': 'Conférences',
  'sheet.participants': 'Participants',
  'sheet.billingCodes': 'Codes de facturation',
  'sheet.room': 'Salle {room}',
  'sheet.conference': 'Conférence',

  'title.summary': 'Récapitulatif du compte',
  'title.conferences': 'Liste des conférences',
  'title.participants': 'Participants',
  'title.billingCodes': 'Codes de facturation',
  'title.room': 'Liste des conférences',
  'title.conference': 'Conférence',

  'info.accountNumber': 'Numéro de compte',
  'info.companyName': 'Société',
  'info.billingPeriod': 'Période de facturation',
  'info.roomDisplay': 'Affichage des salles',
  'info.filter': 'Filtre',
  'info.roomNumber': 'Numéro de salle',
  'info.cardholder': 'Titulaire',
  'info.conference': 'Début de la conférence',
  'info.billingCode': 'Code de facturation',
  'info.generatedAt': 'Généré le',
  'info.dataAsOf': 'Données à jour au',
  'info.neverSynced': 'Jamais synchronisé',
  'info.archived': 'Archivé : le fournisseur ne propose plus ce mois',
  'info.notInCache': 'Absent du cache',

  'period.open': 'Depuis le {start} — Non facturé',
  'period.invoiced': '{month} — Facturé',
  'period.range': '{first} à {last}',
  'display.active': 'Salles actives',
  'display.all': 'Toutes les salles',

  'col.roomNumber': 'Numéro de salle',
  'col.cardholder': 'Titulaire',
  'col.autoBillingCode': 'Code de facturation auto',
  'col.conferences': 'Conférences',
  'col.accumulatedTime': 'Temps cumulé',
  'col.charge': 'Montant',
  'col.billingCode': 'Code de facturation',
  'col.date': 'Date',
  'col.startTime': 'Heure de début',
  'col.conferenceId': 'Identifiant de conférence',
  'col.name': 'Nom',
  'col.phone': 'Téléphone',
  'col.accessType': "Type d'accès",
  'col.joined': 'Arrivée',
  'col.left': 'Départ',
  'col.duration': 'Durée',

  'table.total': 'Total',
  'table.totalShown': 'Total affiché',
  'code.unallocated': 'Non attribué',

  'accessType.toll': 'Payant',
  'accessType.tollFree': 'Numéro vert',
  'accessType.international': 'International',
  'accessType.dialOut': 'Appel sortant',
  'accessType.web': 'Web',
};

export const EXPORT_LABELS: Record<ExportLanguage, Record<LabelKey, string>> = { en, fr };

/** OAI's download columns, exactly as OAI names them, in every language. */
export const OAI_CONFERENCE_COLUMNS = [
  'DATE',
  'START TIME',
  'ROOM NUMBER',
  'CARDHOLDER',
  'PARTICIPANTS',
  'BILLING CODE',
  'CONFERENCE LENGTH',
  'ACCUMULATED TIME',
  'CHARGES',
] as const;

export type Translate = (key: LabelKey, values?: Record<string, string>) => string;

export function translator(language: ExportLanguage): Translate {
  const table = EXPORT_LABELS[language];
  return (key, values = {}) => table[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const ACCESS_TYPE_KEYS: Record<string, LabelKey> = {
  toll: 'accessType.toll',
  'toll-free': 'accessType.tollFree',
  international: 'accessType.international',
  'dial-out': 'accessType.dialOut',
  web: 'accessType.web',
};

/** Known provider access types in the user's language; unknown ones as the provider sent them. */
export function accessTypeName(accessType: string, t: Translate): string {
  const key = ACCESS_TYPE_KEYS[accessType];
  return key ? t(key) : accessType;
}
