import AAECore
import XCTest

/// The training phases under their experiment-file names.
final class TrainingPhaseTests: XCTestCase {
    func testPhasesAreListedInTheOrderTheFileFormatWritesThem() {
        XCTAssertEqual(TrainingPhase.allCases, [.reconstruction, .discriminator, .generator, .classification, .clusterHeads])
        XCTAssertEqual(TrainingPhase.allCases.map(\.name),
                       ["reconstruction", "discriminator", "generator", "classification", "cluster_heads"])
    }

    func testAPhaseIsDescribedByItsFileName() {
        XCTAssertEqual(String(describing: TrainingPhase.discriminator), "discriminator")
        XCTAssertEqual(Set(TrainingPhase.allCases.map(\.name)).count, TrainingPhase.allCases.count)
    }
}
