// Each view's table, defined once for the screen, the print layout and the Excel sheet.
export * from './column';
export * from './billing-codes';
export * from './conferences';
export * from './participants';
export * from './summary';
export * from './chargeback';
export * from './attention';
export * from './trends';
export * from './search';
