import AAECore
import Foundation
import XCTest

final class EvaluationMetricTests: XCTestCase {
    func testTheDescriptionShowsTheStandardErrorWhenThereIsOne() {
        XCTAssertEqual(Metric(name: "parzen", value: 240.5, standardError: 2.5).description, "parzen = 240.5 ± 2.5")
        XCTAssertEqual(Metric(name: "knn", value: 0.75).description, "knn = 0.75")
    }

    func testAMetricSurvivesAJSONRoundTrip() throws {
        let metric = Metric(name: "mmd", value: 0.0125, standardError: nil)
        let decoded = try JSONDecoder().decode(Metric.self, from: JSONEncoder().encode(metric))
        XCTAssertEqual(decoded, metric)
    }
}
