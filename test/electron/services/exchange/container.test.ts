// The package container's refusals of a damaged header: the reason is Chinese and printable, whatever bytes the
// damage left where a part's name should be (issue 14 item 8).
import { PackageRefused, verifyPackage } from '../../../../electron/services/exchange/container';

/** A container header (docs/export-format.md) with one part whose name is `nameBytes` and whose length is `length`. */
function headerWithPart(nameBytes: number[], length: number): Buffer {
  const counts = Buffer.alloc(4);
  counts.writeUInt16BE(1, 0); // container version
  counts.writeUInt16BE(1, 2); // one part
  const size = Buffer.alloc(4);
  size.writeUInt32BE(length, 0);
  return Buffer.concat([
    Buffer.from('CDSKPKG\n', 'latin1'),
    counts,
    Buffer.from([nameBytes.length]),
    Buffer.from(nameBytes),
    size,
  ]);
}

function reasonFor(bytes: Buffer): string {
  try {
    verifyPackage(bytes);
  } catch (e) {
    if (e instanceof PackageRefused) return e.message;
    throw e;
  }
  throw new Error('the package was not refused');
}

describe('a package whose header is damaged', () => {
  it('is refused with only printable text where the part’s name was garbage bytes', () => {
    const reason = reasonFor(headerWithPart([0xe2, 0x80, 0x0d, 0x0f, 0xff, 0x00, 0x1b], 0xfffffff0));
    expect(reason).toBe('文件结构损坏（某一部分的长度），不是完整的CaseDesk数据包');
    expect(reason).not.toMatch(/[\p{C}\uFFFD]/u);
  });

  it('keeps the printable characters of a partly damaged name, and names an intact one as it is', () => {
    const partly = reasonFor(headerWithPart([...Buffer.from('rows'), 0x0d, 0xff, ...Buffer.from('.ndjson')], 99));
    expect(partly).toBe('文件结构损坏（“rows.ndjson”的长度），不是完整的CaseDesk数据包');
    const intact = reasonFor(headerWithPart([...Buffer.from('manifest.json')], 99));
    expect(intact).toBe('文件结构损坏（“manifest.json”的长度），不是完整的CaseDesk数据包');
  });
});
