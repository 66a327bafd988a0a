import AAEReport
import XCTest

final class CSVTableTests: XCTestCase {
    func testSerializedWritesHeaderThenRows() {
        let table = CSVTable(header: ["step", "loss"], rows: [["1", "0.5"], ["2", "0.25"]])
        XCTAssertEqual(table.serialized(), "step,loss\n1,0.5\n2,0.25\n")
    }

    func testParseRoundTripsTrickyFields() throws {
        let table = CSVTable(header: ["name", "note", "value"], rows: [
            ["comma, inside", "quote \"here\"", "1"],
            ["multi\nline", "crlf\r\ninside", ""],
            ["", "", ""],
            ["trailing space ", " leading", "ünïcødé ✓"],
            ["\"", ",", "\n"],
        ])
        XCTAssertEqual(try CSVTable.parse(table.serialized()), table)
    }

    func testParseRoundTripsSingleColumnWithEmptyField() throws {
        let table = CSVTable(header: ["only"], rows: [["a"], [""], ["b"]])
        XCTAssertEqual(try CSVTable.parse(table.serialized()), table)
    }

    func testParseAcceptsCRLFAndMissingFinalNewline() throws {
        let table = try CSVTable.parse("a,b\r\n1,2\r\n3,4")
        XCTAssertEqual(table, CSVTable(header: ["a", "b"], rows: [["1", "2"], ["3", "4"]]))
    }

    func testParseSkipsBlankLines() throws {
        let table = try CSVTable.parse("a,b\n\n1,2\n\n")
        XCTAssertEqual(table.rows, [["1", "2"]])
    }

    func testParseKeepsEmptyTrailingField() throws {
        let table = try CSVTable.parse("a,b\n1,\n")
        XCTAssertEqual(table.rows, [["1", ""]])
    }

    func testParseRejectsUnterminatedQuote() {
        XCTAssertThrowsError(try CSVTable.parse("a,b\n\"open,1\n")) { error in
            XCTAssertEqual(error as? CSVParseError, .unterminatedQuote(line: 2))
        }
    }

    func testParseRejectsQuoteInsideUnquotedField() {
        XCTAssertThrowsError(try CSVTable.parse("a\nx\"y\n")) { error in
            XCTAssertEqual(error as? CSVParseError, .quoteInUnquotedField(line: 2))
        }
    }

    func testParseRejectsTextAfterClosingQuote() {
        XCTAssertThrowsError(try CSVTable.parse("a\n\"x\"y\n")) { error in
            XCTAssertEqual(error as? CSVParseError, .textAfterClosingQuote(line: 2))
        }
    }

    func testParseRejectsRowWithWrongFieldCountNamingItsLine() {
        XCTAssertThrowsError(try CSVTable.parse("a,b\n1,2\n\"x\ny\"\n")) { error in
            XCTAssertEqual(error as? CSVParseError, .wrongFieldCount(line: 3, expected: 2, found: 1))
        }
    }

    func testParseRejectsEmptyText() {
        XCTAssertThrowsError(try CSVTable.parse("")) { error in
            XCTAssertEqual(error as? CSVParseError, .noHeader)
        }
    }

    func testColumnNamedReturnsThatColumnsFields() {
        let table = CSVTable(header: ["step", "loss"], rows: [["1", "0.5"], ["2", "0.25"]])
        XCTAssertEqual(table.column(named: "loss"), ["0.5", "0.25"])
        XCTAssertNil(table.column(named: "missing"))
    }

    func testWriteThenReadGivesTheSameTable() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("table.csv")
        let table = CSVTable(header: ["x", "label"], rows: [["1", "a,b"], ["2", "c"]])
        try table.write(to: url)
        XCTAssertEqual(try CSVTable.read(from: url), table)
    }
}
