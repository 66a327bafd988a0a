import AAEReport
import XCTest

final class MetricsLogTests: XCTestCase {
    func testNumericRowsUseCSVFloatFormat() {
        let log = MetricsLog(columns: ["step", "loss"])
        log.append([100, 0.0229123456])
        log.append([200, .nan])
        XCTAssertEqual(log.rows, [["100", "0.02291235"], ["200", "nan"]])
    }

    func testMixedRowsAreKeptAsGiven() {
        let log = MetricsLog(columns: ["phase", "loss"])
        log.append(["reconstruction", CSVFormat.float(0.5)])
        XCTAssertEqual(log.table, CSVTable(header: ["phase", "loss"], rows: [["reconstruction", "0.5"]]))
    }

    func testEachWriteRewritesTheWholeFile() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("metrics.csv")
        let log = MetricsLog(columns: ["step", "loss"])
        log.append([1, 0.5])
        try log.write(to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "step,loss\n1,0.5\n")

        log.append([2, 0.25])
        try log.write(to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "step,loss\n1,0.5\n2,0.25\n")
        XCTAssertEqual(try CSVTable.read(from: url).rows.count, 2)
    }
}
