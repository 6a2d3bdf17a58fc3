// What the archive thread (archive.worker.ts) is asked, and answers.
import type { VerifiedCopy } from '../backup/verified-copy';
import type { CacheFileInspection } from '../inspect';
import type { IntegrityReport } from '../integrity';

export type ArchiveRequest =
  | { type: 'copy'; source: string; target: string }
  | { type: 'quickCheck'; file: string }
  | { type: 'inspect'; file: string }
  | { type: 'restoreCopy'; candidate: string; target: string }
  | { type: 'indexSearch'; file: string };

export type ArchiveResult = VerifiedCopy | IntegrityReport | CacheFileInspection | number;

export type ArchiveReply =
  | { ok: true; result: ArchiveResult }
  | { ok: false; error: { name: string; message: string; code?: string; problems?: readonly string[] } };
