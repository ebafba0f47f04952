import type ExcelJS from "exceljs";
import { DATE_COLUMNS, headerOf, REGISTER_TABLES, type RegisterLang } from "../domain/index.ts";
import { fill } from "../locale/index.ts";
import { REGISTER_WORDS } from "../locale/register.ts";
import { workbookValue } from "./cells.ts";
import { TEXT_FORMAT, widthOf } from "./sheetLayout.ts";
import { writeRegisterWorkbook } from "./workbookWriter.ts";

/**
 * An empty register (`npm run template`): an instructions sheet first, with the worked example
 * laid out as the four sheets hold it, then the four tables with their headers, notes, lists and
 * text-formatted date columns, and no rows. The example's rows, copied under the headers of the
 * sheets of the same names, load as they are (tests/unit/register-template.test.ts does so).
 */
export async function writeTemplate(path: string, lang: RegisterLang): Promise<void> {
  await writeRegisterWorkbook(path, {}, { lang, preface: (workbook) => writeInstructions(workbook, lang) });
}

const HEADER_STYLE = {
  font: { bold: true },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } },
} as const;

/** The instructions sheet: title, steps, and the worked example as the four sheets would hold it. */
function writeInstructions(workbook: ExcelJS.stream.xlsx.WorkbookWriter, lang: RegisterLang): void {
  const words = REGISTER_WORDS[lang];
  const sheet = workbook.addWorksheet(words.instructionsSheet, {
    // Printed (and rendered for the docs) on one page wide, landscape: the example is 13 columns.
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  // Each column as wide as the tables' columns in its place need, leaving out a source that is not
  // in the last column (its text runs on into the empty cells to its right).
  sheet.columns = Array.from({ length: 13 }, (_, index) => ({
    width: Math.max(
      12,
      ...REGISTER_TABLES.map((table) => {
        const column = Object.keys(table.columns)[index];
        if (column === undefined || (column === "source" && index < 12)) return 0;
        return widthOf(column, headerOf(table, column, lang));
      }),
    ),
  }));
  const title = sheet.addRow([words.title]);
  title.getCell(1).font = { bold: true, size: 14 };
  title.commit();
  sheet.addRow([]).commit();
  words.steps.forEach((step, index) => {
    sheet.addRow([`${index + 1}. ${step}`]).commit();
  });
  sheet.addRow([]).commit();
  const heading = sheet.addRow([words.exampleHeading]);
  heading.getCell(1).font = { bold: true };
  heading.commit();
  for (const table of REGISTER_TABLES) {
    sheet.addRow([]).commit();
    const columns = Object.keys(table.columns);
    const name = sheet.addRow([fill(words.exampleSheet, { sheet: table.sheets[lang] })]);
    name.getCell(1).font = { bold: true };
    name.commit();
    const header = sheet.addRow(columns.map((column) => headerOf(table, column, lang)));
    header.eachCell((cell) => {
      cell.style = HEADER_STYLE;
    });
    header.commit();
    for (const example of words.example[table.name]) {
      const row = sheet.addRow(
        columns.map((column) =>
          workbookValue(table, column, example[column], lang, () => words.instructionsSheet),
        ),
      );
      // Copied to a sheet, a date keeps its text format with it: it stays a period.
      columns.forEach((column, index) => {
        if (DATE_COLUMNS.has(column)) row.getCell(index + 1).numFmt = TEXT_FORMAT;
      });
      row.commit();
    }
  }
  sheet.commit();
}
