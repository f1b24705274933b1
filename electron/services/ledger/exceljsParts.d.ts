// Types of the exceljs parts the ledger import reads a worksheet with, row by row (xlsxSheet.ts): exceljs's own
// parsers of the workbook, its relationships, shared strings, styles and a sheet's rows (4.4, CommonJS, untyped).
// Only what xlsxSheet.ts uses is declared.

interface ExcelSaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  /** saxes' node (name, attributes) or a text. */
  value: unknown;
}

declare module 'exceljs/lib/utils/parse-sax' {
  function parseSax(chunks: Iterable<string> | AsyncIterable<string>): AsyncGenerator<ExcelSaxEvent[]>;
  export = parseSax;
}

declare module 'exceljs/lib/xlsx/xform/book/workbook-xform' {
  class WorkbookXform {
    model: {
      sheets?: { name: string; id: number; rId: string; state?: string }[];
      properties?: { date1904?: boolean };
    };
    parseStream(chunks: Iterable<string | Buffer>): Promise<this['model']>;
  }
  export = WorkbookXform;
}

declare module 'exceljs/lib/xlsx/xform/core/relationships-xform' {
  class RelationshipsXform {
    model: { Id: string; Target: string }[];
    parseStream(chunks: Iterable<string | Buffer>): Promise<this['model']>;
  }
  export = RelationshipsXform;
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform' {
  class SharedStringsXform {
    parseStream(chunks: Iterable<string | Buffer>): Promise<unknown>;
    getString(index: number): unknown;
  }
  export = SharedStringsXform;
}

declare module 'exceljs/lib/xlsx/xform/style/styles-xform' {
  class StylesXform {
    constructor(initialise?: boolean);
    parseStream(chunks: Iterable<string | Buffer>): Promise<unknown>;
    getStyleModel(id: number): { numFmt?: string } | null;
  }
  export = StylesXform;
}

declare module 'exceljs/lib/xlsx/xform/sheet/row-xform' {
  namespace RowXform {
    /** A cell as exceljs's loader models it after `reconcile` (lib/xlsx/xform/sheet/cell-xform.js). */
    interface CellModel {
      address?: string;
      type: number;
      value?: unknown;
      formula?: string;
      sharedFormula?: string;
      result?: unknown;
      ref?: string;
      shareType?: string;
    }
  }
  class RowXform {
    model: { number: number; cells: RowXform.CellModel[] };
    parseOpen(node: unknown): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
    reconcile(model: { number: number; cells: RowXform.CellModel[] }, options: object): void;
  }
  export = RowXform;
}

declare module 'exceljs/lib/utils/col-cache' {
  const colCache: {
    decodeAddress(address: string): { row: number; col: number };
    decode(range: string): { top: number; left: number; bottom: number; right: number } | { row: number; col: number };
  };
  export = colCache;
}

declare module 'exceljs/lib/doc/enums' {
  const Enums: {
    ValueType: {
      Null: number;
      Merge: number;
      Number: number;
      String: number;
      Date: number;
      Hyperlink: number;
      Formula: number;
      SharedString: number;
      RichText: number;
      Boolean: number;
      Error: number;
    };
  };
  export = Enums;
}
