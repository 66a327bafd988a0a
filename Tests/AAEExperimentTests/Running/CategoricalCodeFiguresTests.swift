import AAECore
import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// A categorical-code model without weights: `q(y|x)` puts 0.9 on the category written in
/// an image's first pixel (the rest spread evenly), the style is the next two pixels, and
/// the decoder draws a category's bar, moved and widened by the style.
private final class BarCategoryModel: CategoricalCodeModel {
    let inputFeatures = 28 * 28
    let categoryCount: Int
    let styleDimension = 2
    let stylePrior: Prior = NormalPrior(dimension: 2)
    /// The code `encode` gives: the style alone (a 2-D map), or `q(y|x)` and the style.
    let latentDimension: Int
    var prior: Prior? { nil }
    let stepMetrics = StepMetrics(StepMetrics.Declarations())
    let allParameters: [Parameter] = []
    let phaseOptimizers: [PhaseOptimizer] = []
    let checkpointState = ModelState()
    let namedTensors: [NamedTensor] = []

    init(categoryCount: Int, twoDimensionalCode: Bool = false) {
        self.categoryCount = categoryCount
        latentDimension = twoDimensionalCode ? 2 : categoryCount + 2
    }

    func trainStep(batch: UnsafePointer<Float>, labels: UnsafePointer<Int32>) {}
    func restore(_ state: ModelState) throws(CheckpointError) {}

    func categoryProbabilities(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        (0..<count).flatMap { row -> [Float] in
            let category = Int(examples[row * inputFeatures])
            let rest = categoryCount > 1 ? 0.1 / Float(categoryCount - 1) : 0
            return (0..<categoryCount).map { $0 == category ? (categoryCount > 1 ? 0.9 : 1) : rest }
        }
    }

    func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        let probabilities = categoryProbabilities(examples, count: count)
        return (0..<count).flatMap { row -> [Float] in
            let style = [examples[row * inputFeatures + 1], examples[row * inputFeatures + 2]]
            return latentDimension == 2 ? style : Array(probabilities[row * categoryCount..<(row + 1) * categoryCount]) + style
        }
    }

    func decode(_ codes: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float] {
        [Float](repeating: 0, count: count * inputFeatures)
    }

    func decode(categories: UnsafePointer<Int32>, styles: UnsafePointer<Float>, count: Int) -> [Float] {
        (0..<count).flatMap { row -> [Float] in
            let left = 2 + Int(categories[row]) % 12 * 2 + Int(max(-1, min(1, styles[2 * row])).rounded())
            let width = 2 + Int(max(0, min(2, styles[2 * row + 1] + 1)).rounded())
            return (0..<inputFeatures).map { pixel in (left..<left + width).contains(pixel % 28) ? 1 : -1 }
        }
    }
}

/// A model without a categorical code, to which the figures do not apply.
private final class PlainModel: TrainableModel {
    let inputFeatures = 28 * 28
    let latentDimension = 2
    let prior: Prior? = NormalPrior(dimension: 2)
    let stepMetrics = StepMetrics(StepMetrics.Declarations())
    let allParameters: [Parameter] = []
    let phaseOptimizers: [PhaseOptimizer] = []
    let checkpointState = ModelState()
    let namedTensors: [NamedTensor] = []

    func trainStep(batch: UnsafePointer<Float>, labels: UnsafePointer<Int32>) {}
    func restore(_ state: ModelState) throws(CheckpointError) {}
    func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float] { [Float](repeating: 0, count: 2 * count) }
    func decode(_ codes: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float] {
        [Float](repeating: 0, count: count * inputFeatures)
    }
}

final class CategoricalCodeFiguresTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("aae-categories-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
        super.tearDown()
    }

    /// 300 held-out images, labels cycling through the digits; image `i` is put in category
    /// `category(i)` (its first pixel) and has a random style.
    private func heldOut(category: (Int) -> Int) -> LabeledImages {
        var random = RandomGenerator(seed: 5)
        let count = 300
        var pixels = [Float](repeating: -1, count: count * 784)
        for image in 0..<count {
            pixels[image * 784] = Float(category(image))
            pixels[image * 784 + 1] = random.uniform(-2, 2)
            pixels[image * 784 + 2] = random.uniform(-2, 2)
        }
        return LabeledImages(count: count, rows: 28, cols: 28, pixels: pixels, labels: (0..<count).map { Int32($0 % 10) })
    }

    private func writeAll(_ model: TrainableModel, test: LabeledImages) throws -> [String] {
        var random = RandomGenerator(seed: 1, stream: RandomStreams.figures)
        return try RunFigures.writeAll(model: model, test: test, scale: .symmetric, metrics: CSVTable(header: ["step"]),
                                       directory: directory, title: "bars", random: &random,
                                       figures: RunFigures.all + RunFigures.categoricalCode).map(\.lastPathComponent)
    }

    private func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](try Data(contentsOf: url))
        XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let bigEndian = { (start: Int) in bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (bigEndian(16), bigEndian(20))
    }

    func testEachCategoricalFigureDrawsForAModelWithACategoricalCodeAndTheTwoDimensionalMapIsTheLatentScatter() throws {
        let written = try writeAll(BarCategoryModel(categoryCount: 10, twoDimensionalCode: true),
                                   test: heldOut { $0 % 10 })
        XCTAssertEqual(written.first, "latent_scatter.png", "the 2-D map coloured by label")
        XCTAssertEqual(Array(written.suffix(3)), ["category_samples.png", "category_styles.png", "confusion_matrix.png"])
        for name in ["category_samples.png", "category_styles.png"] {
            let size = try pngSize(directory.appendingPathComponent(name))
            // Ten rows and ten columns of 28-px images at scale 2, 2-px gaps, plus labels and titles.
            XCTAssertGreaterThan(size.width, 10 * 56 + 18, name)
            XCTAssertLessThan(size.width, 10 * 56 + 18 + 400, name)
            XCTAssertGreaterThan(size.height, 10 * 56 + 18, name)
        }
        let matrix = try pngSize(directory.appendingPathComponent("confusion_matrix.png"))
        XCTAssertGreaterThan(matrix.width, 10 * 44)
        XCTAssertLessThan(matrix.height, 1_000)
    }

    func testThirtyClustersKeepTheirFiguresOnOneScreen() throws {
        let written = try writeAll(BarCategoryModel(categoryCount: 30), test: heldOut { $0 % 30 })
        XCTAssertTrue(written.contains("confusion_matrix.png") && written.contains("category_samples.png"))
        XCTAssertLessThan(try pngSize(directory.appendingPathComponent("confusion_matrix.png")).height, 900)
        XCTAssertLessThan(try pngSize(directory.appendingPathComponent("category_samples.png")).height, 1_100)
    }

    func testTheFiguresDoNotApplyToAModelWithoutACategoricalCodeAndDrawNoRandomNumber() throws {
        var random = RandomGenerator(seed: 1, stream: RandomStreams.figures)
        let model = PlainModel(), test = heldOut { _ in 0 }
        let url = { (name: String) in self.directory.appendingPathComponent(name) }
        XCTAssertFalse(try CategorySamplesFigure.write(model: model, test: test, scale: .symmetric, title: "plain",
                                                       random: &random, to: url("category_samples.png")))
        XCTAssertFalse(try CategoryStylesFigure.write(model: model, test: test, scale: .symmetric, title: "plain",
                                                      random: &random, to: url("category_styles.png")))
        XCTAssertFalse(try ConfusionMatrixFigure.write(model: model, test: test, title: "plain",
                                                       to: url("confusion_matrix.png")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
        var untouched = RandomGenerator(seed: 1, stream: RandomStreams.figures)
        XCTAssertEqual(random.nextDouble(), untouched.nextDouble())
        let written = try writeAll(model, test: test)
        XCTAssertFalse(written.contains { $0.hasPrefix("category_") || $0 == "confusion_matrix.png" })
    }

    func testTheFiguresOfASeedAreTheSameBytesAndDrawTheirStylesFromTheFiguresStream() throws {
        let model = BarCategoryModel(categoryCount: 10)
        _ = try writeAll(model, test: heldOut { $0 % 10 })
        let first = try Data(contentsOf: directory.appendingPathComponent("category_samples.png"))
        _ = try writeAll(model, test: heldOut { $0 % 10 })
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("category_samples.png")), first)
    }

    func testTheConfusionMatrixCountsEachImageByItsArgmaxAndTrueLabel() {
        // Three classes; image rows of q(y|x) with a tie (first maximum wins) and a label outside the classes.
        let probabilities: [Float] = [0.7, 0.2, 0.1,   0.1, 0.8, 0.1,   0.4, 0.4, 0.2,   0.1, 0.1, 0.8,   0.2, 0.2, 0.6]
        let assignment = CategoryAssignment(categoryCount: 3, probabilities: probabilities, labels: [0, 1, 1, 2, 0],
                                            classNames: .digits, labelCount: 3)
        XCTAssertTrue(assignment.areClasses)
        XCTAssertEqual(assignment.counts, [1, 1, 0,
                                           0, 1, 0,
                                           1, 0, 1])
        XCTAssertEqual(assignment.order, [0, 1, 2])
        XCTAssertEqual(assignment.names, ["digit 0", "digit 1", "digit 2"])
        let plot = ConfusionMatrixFigure.plot(assignment, classNames: .digits, title: "t")
        XCTAssertEqual(plot.cellTexts, ["1", "1", "0", "0", "1", "0", "1", "0", "1"])
        XCTAssertEqual(plot.shades, [0.5, 0.5, 0, 0, 1, 0, 0.5, 0, 0.5], "each cell's share of its row")
        XCTAssertEqual(plot.title, "t: argmax q(y|x) against the true label, 5 held-out images (error 40.00%)")
    }

    func testClustersAreOrderedAndNamedByTheirMajorityHeldOutLabel() {
        // Cluster 0 holds mostly 2s, clusters 1 and 3 mostly 0s, cluster 2 nothing.
        let rows: [(cluster: Int, label: Int)] = [(0, 2), (0, 2), (0, 1), (1, 0), (3, 0), (3, 0), (3, 1)]
        let probabilities = rows.flatMap { row in (0..<4).map { Float($0 == row.cluster ? 1 : 0) } }
        let assignment = CategoryAssignment(categoryCount: 4, probabilities: probabilities, labels: rows.map(\.label),
                                            classNames: .digits, labelCount: 3)
        XCTAssertFalse(assignment.areClasses)
        XCTAssertEqual(assignment.order, [1, 3, 0, 2])
        XCTAssertEqual(assignment.names, ["cluster 0: digit 2", "cluster 1: digit 0", "cluster 2: none", "cluster 3: digit 0"])
        let plot = ConfusionMatrixFigure.plot(assignment, classNames: .digits, title: "")
        XCTAssertEqual(plot.rowLabels, ["cluster 1: digit 0", "cluster 3: digit 0", "cluster 0: digit 2", "cluster 2: none"])
        XCTAssertEqual(plot.cellTexts, ["1", "0", "0", "2", "1", "0", "0", "1", "2", "0", "0", "0"])
        XCTAssertTrue(plot.shades[9].isNaN, "an empty cluster has no shares")
        XCTAssertEqual(plot.title, "argmax q(y|x) against the true label, 7 held-out images")
    }
}
