// Sending a scan to the main process: refused here at once when too large or not a PDF/JPEG/PNG by its first
// bytes (the main process checks both again), then begun, sent in chunks no call is too large for, and attached.
import type { Api } from '../api';
import type { DossierView } from '../../shared/contract';
import { attachmentSizeProblem, attachmentTypeProblem } from '../../shared/dossier/materials';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** A problem the clerk can be told before anything is sent, or null. */
export async function scanProblem(file: File): Promise<string | null> {
  return attachmentSizeProblem(file.size) ?? attachmentTypeProblem(file.name, await bytesOf(file.slice(0, 16)));
}

export async function uploadScan(
  api: Api,
  { caseId, itemKey, file, pages }: { caseId: number; itemKey: string; file: File; pages: number },
): Promise<DossierView> {
  const { uploadId, chunkBytes } = await api.call('dossier.uploadBegin', {
    caseId,
    itemKey,
    fileName: file.name,
    size: file.size,
  });
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    await api.call('dossier.uploadChunk', {
      uploadId,
      offset,
      data: base64(await bytesOf(file.slice(offset, offset + chunkBytes))),
    });
  }
  return api.call('dossier.attach', { uploadId, pages });
}
