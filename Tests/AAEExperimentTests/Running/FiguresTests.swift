import AAECore
import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// A model without weights: the code is the first `latentDimension` pixels, and the
/// decoder tiles the code over the image (shifted by a tenth of the label, if it reads one).
private final class TilingModel: TrainableModel {
    let inputFeatures = 28 * 28
    let latentDimension: Int
    let prior: Prior?
    let decoderLabelCount: Int
    let stepMetrics = StepMetrics(StepMetrics.Declarations())
    let allParameters: [Parameter] = []
    let phaseOptimizers: [PhaseOptimizer] = []
    let checkpointState = ModelState()
    let namedTensors: [NamedTensor] = []

    init(latentDimension: Int, hasPrior: Bool = true, decoderLabelCount: Int = 0) {
        self.latentDimension = latentDimension
        prior = hasPrior ? NormalPrior(dimension: latentDimension) : nil
        self.decoderLabelCount = decoderLabelCount
    }

    func trainStep(batch: UnsafePointer<Float>, labels: UnsafePointer<Int32>) {}

    func restore(_ state: ModelState) throws(CheckpointError) {}

    func encode(_ examples: UnsafePointer<Float>, count: Int) -> [Float] {
        (0..<count).flatMap { row in (0..<latentDimension).map { examples[row * inputFeatures + $0] } }
    }

    func decode(_ codes: UnsafePointer<Float>, labels: UnsafePointer<Int32>?, count: Int) -> [Float] {
        (0..<count).flatMap { row -> [Float] in
            let shift = decoderLabelCount > 0 ? Float(labels![row]) / 10 : 0
            return (0..<inputFeatures).map { codes[row * latentDimension + $0 % latentDimension] + shift }
        }
    }
}

final class FiguresTests: XCTestCase {
    private var directories: [URL] = []

    override func tearDown() {
        for directory in directories { try? FileManager.default.removeItem(at: directory) }
        super.tearDown()
    }

    private func makeDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aae-figures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        directories.append(url)
        return url
    }

    /// 200 noise images on the symmetric scale, labels cycling through the digits.
    private let test: LabeledImages = {
        var random = RandomGenerator(seed: 3)
        let count = 200
        return LabeledImages(count: count, rows: 28, cols: 28,
                             pixels: (0..<(count * 784)).map { _ in random.uniform(-1, 1) },
                             labels: (0..<count).map { Int32($0 % 10) })
    }()

    private let metrics = CSVTable(
        header: ["step", "d_loss", "d_acc", "g_loss", "recon_loss", "adv_loss", "train_recon_mse", "heldout_recon_mse"],
        rows: [["100", "0.69", "0.5", "0.2", "0.1", "0.7", "0.05", "0.06"],
               ["200", "0.68", "0.55", "0.15", "0.08", "nan", "0.04", "0.05"],
               ["300", "0.67", "0.6", "0.12", "0.07", "0.72", "0.03", "0.04"]])

    @discardableResult
    private func writeAll(_ model: TilingModel, into directory: URL, seed: UInt64 = 1) throws -> [String] {
        var random = RandomGenerator(seed: seed, stream: RandomStreams.figures)
        return try RunFigures.writeAll(model: model, test: test, scale: .symmetric, metrics: metrics,
                                       directory: directory, title: "tiling", random: &random)
            .map(\.lastPathComponent)
    }

    /// Width and height from the PNG's IHDR chunk (big-endian at bytes 16..<24).
    private func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](try Data(contentsOf: url))
        XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertTrue(bytes.count >= 24 && bytes[12..<16].elementsEqual("IHDR".utf8))
        let bigEndian = { (start: Int) in bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (bigEndian(16), bigEndian(20))
    }

    /// Checks that an image grid's figure holds the grid (`columns × rows` cells of 28 px at
    /// `scale`, `gap` px apart) plus margins of at most `margin` pixels.
    private func assertGridFigure(_ url: URL, columns: Int, rows: Int, scale: Int, gap: Int = 2, margin: Int = 260,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let size = try pngSize(url)
        let gridWidth = columns * 28 * scale + (columns - 1) * gap
        let gridHeight = rows * 28 * scale + (rows - 1) * gap
        XCTAssertGreaterThan(size.width, gridWidth, file: file, line: line)
        XCTAssertLessThan(size.width, gridWidth + margin, file: file, line: line)
        XCTAssertGreaterThan(size.height, gridHeight, file: file, line: line)
        XCTAssertLessThan(size.height, gridHeight + margin, file: file, line: line)
    }

    private func assertWritesEveryUnsupervisedFigure(latentDimension: Int) throws {
        let directory = try makeDirectory()
        let written = try writeAll(TilingModel(latentDimension: latentDimension), into: directory)
        XCTAssertEqual(written, ["latent_scatter.png", "manifold.png", "reconstructions.png", "samples.png",
                                 "losses.png"])
        let losses = try pngSize(directory.appendingPathComponent("losses.png"))
        XCTAssertEqual(losses.width, 80 + 560 * 3)
        XCTAssertEqual(losses.height, 450)
        let scatter = try pngSize(directory.appendingPathComponent("latent_scatter.png"))
        XCTAssertEqual(scatter.width, 800)
        XCTAssertEqual(scatter.height, 700)
        try assertGridFigure(directory.appendingPathComponent("manifold.png"), columns: 20, rows: 20, scale: 1, gap: 0)
        try assertGridFigure(directory.appendingPathComponent("reconstructions.png"), columns: 10, rows: 4, scale: 3)
        try assertGridFigure(directory.appendingPathComponent("samples.png"), columns: 10, rows: 10, scale: 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("style.png").path))
    }

    func testTwoDimensionalCodesGetEveryUnsupervisedFigure() throws {
        try assertWritesEveryUnsupervisedFigure(latentDimension: 2)
    }

    func testWideCodesGetEveryUnsupervisedFigure() throws {
        try assertWritesEveryUnsupervisedFigure(latentDimension: 8)
    }

    func testOneDimensionalCodesGetASingleManifoldRow() throws {
        let directory = try makeDirectory()
        XCTAssertTrue(try writeAll(TilingModel(latentDimension: 1), into: directory).contains("manifold.png"))
        try assertGridFigure(directory.appendingPathComponent("manifold.png"), columns: 20, rows: 1, scale: 1, gap: 0)
    }

    func testTheRegisteredFiguresGiveReportPlotsTheirNamesFilesAndOrder() {
        XCTAssertEqual(ReportSpec.plotNames, ["latent_scatter", "manifold", "reconstructions", "samples", "losses", "style"])
        XCTAssertEqual(RunFigures.categoricalCode.map { $0.plotName },
                       ["category_samples", "category_styles", "confusion_matrix"])
        XCTAssertEqual(RunFigures.fileNames, (ReportSpec.plotNames + RunFigures.categoricalCode.map { $0.plotName })
            .map { $0 + ".png" })
        XCTAssertEqual(RunFigures.all.filter { $0.drawsImages }.map { $0.plotName },
                       ["manifold", "reconstructions", "samples", "style"])
    }

    func testModelsWithoutAPriorGetNoSamples() throws {
        let directory = try makeDirectory()
        let written = try writeAll(TilingModel(latentDimension: 8, hasPrior: false), into: directory)
        XCTAssertEqual(written, ["latent_scatter.png", "manifold.png", "reconstructions.png", "losses.png"])
    }

    func testLabelReadingDecodersGetStyleInsteadOfAManifold() throws {
        for dimension in [2, 8] {
            let directory = try makeDirectory()
            let written = try writeAll(TilingModel(latentDimension: dimension, decoderLabelCount: 10), into: directory)
            XCTAssertEqual(written, ["latent_scatter.png", "reconstructions.png", "samples.png", "losses.png",
                                     "style.png"])
            try assertGridFigure(directory.appendingPathComponent("samples.png"), columns: 10, rows: 10, scale: 3)
            try assertGridFigure(directory.appendingPathComponent("style.png"), columns: 10, rows: 10, scale: 3)
        }
        let directory = try makeDirectory()
        let written = try writeAll(TilingModel(latentDimension: 4, hasPrior: false, decoderLabelCount: 10),
                                   into: directory)
        XCTAssertEqual(written, ["latent_scatter.png", "reconstructions.png", "losses.png", "style.png"])
    }

    func testTwoRendersGiveIdenticalBytesAndTheSeedMatters() throws {
        for model in [TilingModel(latentDimension: 2), TilingModel(latentDimension: 8, decoderLabelCount: 10)] {
            let first = try makeDirectory(), second = try makeDirectory(), otherSeed = try makeDirectory()
            let names = try writeAll(model, into: first)
            XCTAssertEqual(try writeAll(model, into: second), names)
            try writeAll(model, into: otherSeed, seed: 2)
            for name in names {
                XCTAssertEqual(try Data(contentsOf: first.appendingPathComponent(name)),
                               try Data(contentsOf: second.appendingPathComponent(name)), name)
            }
            XCTAssertNotEqual(try Data(contentsOf: first.appendingPathComponent("samples.png")),
                              try Data(contentsOf: otherSeed.appendingPathComponent("samples.png")))
        }
    }

    func testEmptyHeldOutSetAndEmptyMetricsWriteOnlyWhatTheyCan() throws {
        let directory = try makeDirectory()
        var random = RandomGenerator(seed: 1)
        let empty = LabeledImages(count: 0, rows: 28, cols: 28, pixels: [], labels: [])
        let written = try RunFigures.writeAll(model: TilingModel(latentDimension: 2), test: empty, scale: .unit,
                                              metrics: CSVTable(header: ["step", "d_loss"]), directory: directory,
                                              title: "", random: &random)
        XCTAssertEqual(written.map(\.lastPathComponent), ["samples.png"])
    }

    func testLossPanelsGroupColumnsByPhase() throws {
        let panels = LossesFigure.panels(for: metrics)
        XCTAssertEqual(panels.map(\.title), ["discriminator", "encoder/decoder losses", "reconstruction error"])
        XCTAssertEqual(panels.map { $0.series.map(\.name) },
                       [["d_loss", "d_acc"], ["g_loss", "recon_loss", "adv_loss"],
                        ["train_recon_mse", "heldout_recon_mse"]])
        XCTAssertEqual(panels[0].yScale, .linear)
        XCTAssertEqual(panels[1].yScale, .logarithmic, "adv_loss is over ten times recon_loss")
        XCTAssertEqual(panels[2].yScale, .logarithmic)
        let errorRange = try XCTUnwrap(panels[2].yRange)
        XCTAssertTrue(errorRange.contains(0.03) && errorRange.contains(0.06), "\(errorRange)")
        XCTAssertEqual(NiceTicks.logarithmic(in: errorRange).count, 2, "\(errorRange) has two labelled ticks")
        XCTAssertTrue(panels[1].series[2].ys[1].isNaN, "NaN stays in the series to break its line")
        XCTAssertEqual(panels[0].series[0].xs, [100, 200, 300])

        let variational = CSVTable(header: ["step", "kl", "elbo", "recon_loss", "heldout_recon_mse", "unused"],
                                   rows: [["10", "3", "-90", "0.2", "0.05", "nan"]])
        let vaePanels = LossesFigure.panels(for: variational)
        XCTAssertEqual(vaePanels.map(\.title), ["encoder/decoder losses", "reconstruction error"])
        XCTAssertEqual(vaePanels[0].series.map(\.name), ["kl", "elbo", "recon_loss"])
        XCTAssertEqual(vaePanels[0].yScale, .linear, "a negative ELBO cannot go on a log axis")
        XCTAssertTrue(LossesFigure.panels(for: CSVTable(header: ["step", "d_loss"])).isEmpty)
    }

    func testTheManifoldSpansTheCentralNinetyPercentOfTheCodes() {
        var random = RandomGenerator(seed: 8)
        let normal = (0..<20_000).map { _ in random.normal() }
        let grid = ManifoldFigure.gridValues(spanning: normal)
        XCTAssertEqual(grid.count, ManifoldFigure.gridSize)
        XCTAssertEqual(grid.first!, -1.645, accuracy: 0.05)
        XCTAssertEqual(grid.last!, 1.645, accuracy: 0.05)
        let constant = ManifoldFigure.gridValues(spanning: [Float](repeating: 2, count: 10))
        XCTAssertEqual(constant.first!, 1.5, accuracy: 1e-6)
        XCTAssertEqual(constant.last!, 2.5, accuracy: 1e-6)
    }

    func testAFixedManifoldRangeAndSizeGiveTheSeedNotebooksGrid() throws {
        let grid = ManifoldGridSpec(size: 15, span: .fixed(low: -3, high: 3))
        let values = ManifoldFigure.gridValues(spanning: [0.1, 0.2], grid: grid)
        XCTAssertEqual(values.count, 15)
        XCTAssertEqual(values.first, -3)
        XCTAssertEqual(values.last, 3)
        XCTAssertEqual(values[7], 0, accuracy: 1e-6)
        let directory = try makeDirectory()
        let url = directory.appendingPathComponent("manifold.png")
        XCTAssertTrue(try ManifoldFigure.write(model: TilingModel(latentDimension: 2), test: test, scale: .symmetric,
                                               title: "tiling", grid: grid, to: url))
        try assertGridFigure(url, columns: 15, rows: 15, scale: 1, gap: 0)
    }

    func testTheTSNEProjectionDrawsWideCodesWithoutChangingTheOtherFigures() throws {
        let pca = try makeDirectory(), tsne = try makeDirectory()
        let model = TilingModel(latentDimension: 8)
        var random = RandomGenerator(seed: 1, stream: RandomStreams.figures)
        try RunFigures.writeAll(model: model, test: test, scale: .symmetric, metrics: metrics, directory: pca,
                                title: "tiling", random: &random)
        let options = FigureOptions(projection: .tsne, tsne: TSNESpec(perplexity: 10, iterations: 100), seed: 1)
        random = RandomGenerator(seed: 1, stream: RandomStreams.figures)
        try RunFigures.writeAll(model: model, test: test, scale: .symmetric, metrics: metrics, directory: tsne,
                                title: "tiling", random: &random, options: options)
        let scatter = { (directory: URL) in try Data(contentsOf: directory.appendingPathComponent("latent_scatter.png")) }
        XCTAssertNotEqual(try scatter(pca), try scatter(tsne))
        for name in ["samples.png", "manifold.png", "reconstructions.png"] {
            XCTAssertEqual(try Data(contentsOf: pca.appendingPathComponent(name)),
                           try Data(contentsOf: tsne.appendingPathComponent(name)), name)
        }
        let again = try makeDirectory()
        random = RandomGenerator(seed: 1, stream: RandomStreams.figures)
        try RunFigures.writeAll(model: model, test: test, scale: .symmetric, metrics: metrics, directory: again,
                                title: "tiling", random: &random, options: options)
        XCTAssertEqual(try scatter(tsne), try scatter(again), "the embedding is deterministic from the seed")
    }

    func testAStopRequestDuringTheTSNELeavesTheScatterUnwritten() throws {
        let url = try makeDirectory().appendingPathComponent("latent_scatter.png")
        var random = RandomGenerator(seed: 1)
        let options = FigureOptions(projection: .tsne, seed: 1, shouldStop: { true })
        XCTAssertFalse(try LatentScatterFigure.write(model: TilingModel(latentDimension: 8), test: test, title: "tiling",
                                                     random: &random, options: options, to: url))
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }
}
