// What the desktop shell does for exports, printing and the archive's files,
// injected into the services: Electron shows the system Save, Open and Print
// dialogs; the browser harness writes into its downloads folder, takes files
// to open from its imports folder and renders PDFs in Chromium.
export type SaveKind = 'xlsx' | 'pdf' | 'sqlite';
/** What an Open dialog offers: an archive (a backup or another cache file). */
export type OpenKind = 'sqlite';

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
  /**
   * Which file to open, starting in `defaultDir`; null when the user
   * cancelled. Harness: the most recently modified matching file of its
   * imports folder (null when there is none).
   */
  chooseOpenFile(kind: OpenKind, defaultDir: string): Promise<string | null>;
  /** Shows `file` in the system's file manager (the harness has none: it does nothing). */
  showInFolder(file: string): void;
  /** OAI downloads to import, from the system Open dialog (several at once); null when cancelled. */
  chooseImportFiles?(): Promise<string[] | null>;
}
