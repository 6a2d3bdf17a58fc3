// What the desktop shell does for exports and printing, injected into the
// services: Electron shows the system Save and Print dialogs; the browser
// harness writes into its downloads folder and renders PDFs in Chromium.
export type SaveKind = 'xlsx' | 'pdf';

export interface ShellIntegration {
  /** Where to save a new file; null when the user cancelled. */
  chooseSaveFile(defaultName: string, kind: SaveKind): Promise<string | null>;
  /**
   * Opens the system print dialog for the page at `layoutHash` (a renderer
   * route) once it has fully rendered. Harness: saves a PDF instead and says where.
   */
  print(layoutHash: string, defaultName: string): Promise<{ status: 'printed' | 'cancelled' | 'saved'; path: string | null }>;
  /** Renders the page at `layoutHash` to PDF bytes once it has fully rendered. */
  renderPdf(layoutHash: string): Promise<Buffer>;
  /** OAI downloads to import, from the system Open dialog (several at once); null when cancelled. */
  chooseImportFiles?(): Promise<string[] | null>;
}
