import AAEReport
import XCTest

final class CSVDiffTests: XCTestCase {
    private let metrics = CSVTable(header: ["step", "d_loss", "heldout_recon_mse"], rows: [
        ["1000", "1.386", "0.03"],
        ["2000", "1.2", "0.02291"],
    ])

    func testEqualTablesAreEqual() throws {
        let diff = try CSVDiff(metrics, metrics)
        XCTAssertTrue(diff.isEqual)
        XCTAssertEqual(diff.differenceCount, 0)
        XCTAssertEqual(diff.keyColumn, "step")
        XCTAssertEqual(diff.text, "")
    }

    func testChangedCellIsReportedWithBothValuesAndRelativeChange() throws {
        var changed = metrics
        changed.rows[1][2] = "0.0231"
        let diff = try CSVDiff(metrics, changed)
        XCTAssertEqual(diff.changes, [CellChange(key: RowKey("2000"), column: "heldout_recon_mse",
                                                 valueA: "0.02291", valueB: "0.0231")])
        XCTAssertEqual(try XCTUnwrap(diff.changes.first?.relativeChange), 0.0231 / 0.02291 - 1, accuracy: 1e-12)
        XCTAssertEqual(diff.text, "step 2000  heldout_recon_mse  0.02291 → 0.0231  (+0.83%)")
    }

    func testChangedCellsAreAlignedAndNonNumericChangesHaveNoPercentage() throws {
        let a = CSVTable(header: ["step", "loss", "note"], rows: [["1", "2", "x"], ["10", "0", "y"]])
        let b = CSVTable(header: ["step", "loss", "note"], rows: [["1", "1", "xx"], ["10", "5", "y"]])
        XCTAssertEqual(try CSVDiff(a, b).text, """
            step 1   loss  2 → 1   (-50.00%)
            step 1   note  x → xx
            step 10  loss  0 → 5
            """)
    }

    func testNumericCellsWithinToleranceAreEqual() throws {
        var close = metrics
        close.rows[1][2] = "0.02292"
        XCTAssertTrue(try CSVDiff(metrics, close, tolerance: 1e-3).isEqual)
        XCTAssertFalse(try CSVDiff(metrics, close, tolerance: 1e-5).isEqual)
    }

    func testZeroToleranceComparesCellsAsExactText() throws {
        let a = CSVTable(header: ["step", "x"], rows: [["1", "1"]])
        let b = CSVTable(header: ["step", "x"], rows: [["1", "1.0"]])
        XCTAssertFalse(try CSVDiff(a, b).isEqual)
        XCTAssertTrue(try CSVDiff(a, b, tolerance: 1e-12).isEqual)
    }

    func testToleranceTreatsNaNAsEqualToNaNAndInfinityOnlyAsItself() throws {
        let a = CSVTable(header: ["step", "x", "y", "z"], rows: [["1", "nan", "inf", "nan"]])
        let b = CSVTable(header: ["step", "x", "y", "z"], rows: [["1", "nan", "-inf", "1"]])
        let diff = try CSVDiff(a, b, tolerance: 0.5)
        XCTAssertEqual(diff.changes.map(\.column), ["y", "z"])
        XCTAssertNil(diff.changes[0].relativeChange)
    }

    func testToleranceStillComparesTextCellsExactly() throws {
        let a = CSVTable(header: ["run_id", "status"], rows: [["r", "completed"]])
        let b = CSVTable(header: ["run_id", "status"], rows: [["r", "diverged"]])
        XCTAssertEqual(try CSVDiff(a, b, tolerance: 1).changes.count, 1)
    }

    func testRowsMissingOnOneSideAreListed() throws {
        let longer = CSVTable(header: metrics.header, rows: metrics.rows + [["3000", "1.1", "0.02"]])
        let shorter = CSVTable(header: metrics.header, rows: [metrics.rows[1]])
        let diff = try CSVDiff(longer, shorter)
        XCTAssertEqual(diff.rowsOnlyInA, [RowKey("1000"), RowKey("3000")])
        XCTAssertEqual(diff.rowsOnlyInB, [])
        XCTAssertEqual(diff.changes, [])
        XCTAssertEqual(diff.text, "only in A: step 1000\nonly in A: step 3000")
        XCTAssertEqual(try CSVDiff(shorter, longer).rowsOnlyInB, [RowKey("1000"), RowKey("3000")])
    }

    func testManyOneSidedRowsAreSummarizedInTheText() throws {
        let many = CSVTable(header: ["step", "x"], rows: (1...50).map { [String($0 * 100), "0"] })
        let one = CSVTable(header: ["step", "x"], rows: [["100", "0"]])
        let diff = try CSVDiff(many, one)
        XCTAssertEqual(diff.rowsOnlyInA.count, 49)
        let lines = diff.text.split(separator: "\n")
        XCTAssertEqual(lines.count, CSVDiff.listedRowLimit - 1)
        XCTAssertEqual(lines.last, "only in A: … 41 more rows, through step 5000")
    }

    func testDifferentColumnsAreListed() throws {
        let a = CSVTable(header: ["step", "loss", "old"], rows: [["1", "0.5", "x"]])
        let b = CSVTable(header: ["step", "new", "loss"], rows: [["1", "y", "0.5"]])
        let diff = try CSVDiff(a, b)
        XCTAssertEqual(diff.columnsOnlyInA, ["old"])
        XCTAssertEqual(diff.columnsOnlyInB, ["new"])
        XCTAssertEqual(diff.changes, [])
        XCTAssertEqual(diff.text, "columns only in A: old\ncolumns only in B: new")
    }

    func testRowsAreAlignedByKeyNotByPosition() throws {
        let shuffled = CSVTable(header: metrics.header, rows: metrics.rows.reversed())
        XCTAssertTrue(try CSVDiff(metrics, shuffled).isEqual)
    }

    func testRepeatedKeysAlignByOccurrence() throws {
        let a = CSVTable(header: ["step", "x"], rows: [["1", "a"], ["1", "b"]])
        let b = CSVTable(header: ["step", "x"], rows: [["1", "a"], ["1", "c"], ["1", "d"]])
        let diff = try CSVDiff(a, b)
        XCTAssertEqual(diff.changes.map(\.key), [RowKey("1", occurrence: 2)])
        XCTAssertEqual(diff.rowsOnlyInB, [RowKey("1", occurrence: 3)])
        XCTAssertEqual(diff.text, "step 1 (#2)  x  b → c\nonly in B: step 1 (#3)")
    }

    func testKeyColumnIsTheSharedFirstColumnElseAKnownKey() {
        let summary = CSVTable(header: ["run_id", "lr"])
        let eval = CSVTable(header: ["metric", "value"])
        XCTAssertEqual(CSVDiff.defaultKeyColumn(summary, summary), "run_id")
        XCTAssertEqual(CSVDiff.defaultKeyColumn(eval, eval), "metric")
        XCTAssertEqual(CSVDiff.defaultKeyColumn(CSVTable(header: ["a", "step"]), CSVTable(header: ["step", "b"])), "step")
        XCTAssertNil(CSVDiff.defaultKeyColumn(CSVTable(header: ["a"]), CSVTable(header: ["b"])))
    }

    func testTablesWithoutCommonKeyColumnThrow() {
        XCTAssertThrowsError(try CSVDiff(CSVTable(header: ["a"]), CSVTable(header: ["b"]))) { error in
            XCTAssertEqual(error as? DiffError, .noCommonKeyColumn(headerA: ["a"], headerB: ["b"]))
        }
        XCTAssertThrowsError(try CSVDiff(metrics, metrics, keyColumn: "run_id")) { error in
            XCTAssertEqual(error as? DiffError, .missingKeyColumn("run_id"))
        }
    }

    func testNegativeOrNonFiniteToleranceThrows() {
        XCTAssertThrowsError(try CSVDiff(metrics, metrics, tolerance: -0.1))
        XCTAssertThrowsError(try CSVDiff(metrics, metrics, tolerance: .nan))
    }
}
