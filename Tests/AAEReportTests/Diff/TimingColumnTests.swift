import AAEReport
import XCTest

final class TimingColumnTests: XCTestCase {
    func testWallTimeDoesNotMakeTwoIdenticalSweepsDiffer() throws {
        let a = CSVTable(header: ["run_id", "status", "heldout_recon_mse", "wall_time_s"],
                         rows: [["lr=0.001", "completed", "0.0226", "61.2"]])
        let b = CSVTable(header: ["run_id", "status", "heldout_recon_mse", "wall_time_s"],
                         rows: [["lr=0.001", "completed", "0.0226", "75.9"]])
        XCTAssertTrue(try CSVDiff(a, b).isEqual)
        let changed = CSVTable(header: a.header, rows: [["lr=0.001", "completed", "0.0231", "61.2"]])
        XCTAssertEqual(try CSVDiff(a, changed).changes.map(\.column), ["heldout_recon_mse"])
    }
}
