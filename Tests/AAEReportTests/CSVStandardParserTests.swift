import AAEReport
import Foundation
import XCTest

/// Our CSV files read back through an independent, standard parser: Python's
/// `csv` module (skipped where there is no python3).
final class CSVStandardParserTests: XCTestCase {
    func testTrickyFieldsRoundTripThroughPythonsCSVModule() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
        else { throw XCTSkip("python3 is not installed") }
        let table = CSVTable(header: ["run_id", "note", "value"], rows: [
            ["latent_dim=2,lr=0.001", "quote \" inside", CSVFormat.float(0.0229123456)],
            ["two\nlines", "", CSVFormat.float(Double.nan)],
            ["plain", "comma, and \"both\"", CSVFormat.float(-1e-5)],
        ])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try table.write(to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='')))))",
                             url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let rows = try JSONDecoder().decode([[String]].self, from: output.fileHandleForReading.readDataToEndOfFile())
        XCTAssertEqual(rows, [table.header] + table.rows)
        XCTAssertEqual(rows[1][2], "0.02291235")
    }
}
