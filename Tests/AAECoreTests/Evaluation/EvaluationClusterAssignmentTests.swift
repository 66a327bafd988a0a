import AAECore
import XCTest

/// Clusters named by the majority label of their training examples, and the error of that naming.
final class EvaluationClusterAssignmentTests: XCTestCase {
    func testAPerfectAssignmentHasNoError() {
        // Four clusters for two classes: clusters 0 and 2 hold class 1, clusters 1 and 3 class 0.
        let clusters = [0, 1, 2, 3, 0, 1, 2, 3]
        let labels: [Int32] = [1, 0, 1, 0, 1, 0, 1, 0]
        let assignment = ClusterAssignment(clusters: clusters, labels: labels, clusterCount: 4)
        XCTAssertEqual(assignment.clusterLabels, [1, 0, 1, 0])
        XCTAssertEqual(assignment.error(clusters: clusters, labels: labels), 0)
        XCTAssertEqual(assignment.clustersUsed, 4)
    }

    func testAKnownImperfectAssignmentHasItsError() {
        // Cluster 0 holds labels 0, 0, 1 (named 0); cluster 1 holds 1, 1, 2, 2, 2 (named 2);
        // cluster 2 is empty.
        let clusters = [0, 0, 0, 1, 1, 1, 1, 1]
        let labels: [Int32] = [0, 0, 1, 1, 1, 2, 2, 2]
        let assignment = ClusterAssignment(clusters: clusters, labels: labels, clusterCount: 3)
        XCTAssertEqual(assignment.clusterLabels, [0, 2, OneHot.noLabel])
        XCTAssertEqual(assignment.clustersUsed, 2)
        XCTAssertEqual(assignment.error(clusters: clusters, labels: labels), 3.0 / 8.0, accuracy: 1e-12)
        // Held out: (0, 0) right, (1, 1) wrong, (2, 2) wrong (an empty cluster names nothing), (1, 2) right.
        XCTAssertEqual(assignment.error(clusters: [0, 1, 2, 1], labels: [0, 1, 2, 2]), 0.5, accuracy: 1e-12)
    }

    func testATieGoesToTheSmallerLabel() {
        let assignment = ClusterAssignment(clusters: [0, 0], labels: [3, 1], clusterCount: 1)
        XCTAssertEqual(assignment.clusterLabels, [1])
    }

    func testArgmaxTakesEachRowsMostProbableCategory() {
        XCTAssertEqual(ClusterAssignment.argmax([0.1, 0.7, 0.2, 0.5, 0.2, 0.3], width: 3), [1, 0])
    }
}
