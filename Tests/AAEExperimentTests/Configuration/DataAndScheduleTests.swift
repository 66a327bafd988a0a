import AAECore
import AAEExperiment
import AAEReport
import CZlib
import Foundation
import XCTest

/// The `data` datasets and selections (synthetic sets, `idx` files, fractions,
/// label subsets), learning-rate schedules, `training.epochs` and `report`:
/// how they read, round-trip through `show`, run, and are rejected.
final class DataAndScheduleTests: XCTestCase {
    /// An autoencoder on the moons set, every key on its own line.
    private let moons = """
        name: moons
        seed: 2
        data:
          dataset: moons
          count: 200
          test_count: 100
        model:
          kind: autoencoder
          latent_dim: 2
          encoder: [dense 16, relu, dense latent]
          decoder: [dense 16, relu, dense input]
        optimizer:
          kind: adam
          lr: 0.01
        training:
          steps: 60
          batch_size: 16
          log_every: 10
        eval:
          parzen_samples: 0

        """

    private var outputs: [URL] = []

    override func tearDown() {
        for output in outputs { try? FileManager.default.removeItem(at: output) }
        super.tearDown()
    }

    private func parse(_ text: String, overrides: [String] = []) throws -> Experiment {
        try ExperimentReader.parse(Data(text.utf8), file: "test.yaml", overrides: overrides.map(Override.init(parsing:)))
    }

    private func run(_ experiment: Experiment) throws -> RunResult {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("aae-data-\(UUID().uuidString)")
        outputs.append(output)
        return try ExperimentRunner(experiment: experiment, options: RunOptions(outputDirectory: output.path, quiet: true)).run()
    }

    private func metrics(_ result: RunResult) throws -> CSVTable {
        try CSVTable.read(from: result.outputDirectory.appendingPathComponent("metrics.csv"))
    }

    private func files(of result: RunResult) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: result.outputDirectory.path))
    }

    /// The features the decoder outputs: the example size that `dense input` resolved to.
    private func decoderOutput(_ experiment: Experiment) -> Int? {
        ExperimentSummary(experiment: experiment).networks.first { $0.name == "decoder" }?.rows.last?.outputFeatures
    }

    // MARK: Synthetic sets

    func testSyntheticSetsGiveTheExampleSizeThatLayersCallInput() throws {
        XCTAssertEqual(decoderOutput(try parse(moons)), 2)
        let roll = try parse(editing(moons, "  dataset: moons", "  dataset: swiss_roll\n  features: 3"))
        XCTAssertEqual(decoderOutput(roll), 3)
        let blobs = try parse(editing(moons, "  dataset: moons", "  dataset: blobs\n  features: 5\n  classes: 4"))
        XCTAssertEqual(decoderOutput(blobs), 5)
        XCTAssertEqual(blobs.data.parameters, ["classes": 4, "features": 5, "std": 1, "count": 200, "test_count": 100])
    }

    func testSyntheticDataIsTheSameForTheSameSeed() throws {
        let spec = try parse(moons).data
        let first = try ExperimentData.load(spec, seed: 4, dataDirectory: nil)
        let again = try ExperimentData.load(spec, seed: 4, dataDirectory: nil)
        XCTAssertEqual(first.train.pixels, again.train.pixels)
        XCTAssertEqual(first.test.pixels, again.test.pixels)
        XCTAssertNotEqual(first.train.pixels, try ExperimentData.load(spec, seed: 5, dataDirectory: nil).train.pixels)
        XCTAssertEqual([first.train.count, first.test.count, first.train.rows, first.train.cols], [200, 100, 1, 2])
    }

    func testLabelSubsetAndFractionsKeepTheFirstExamplesOfTheChosenLabels() throws {
        let text = editing(moons, "  dataset: moons\n  count: 200",
                           "  dataset: blobs\n  classes: 3\n  count: 90\n  labels: [0, 2]\n  train_fraction: 0.5\n  test_size: 10")
        let data = try ExperimentData.load(try parse(text).data, seed: 1, dataDirectory: nil)
        XCTAssertEqual(data.train.count, 30)
        XCTAssertEqual(data.test.count, 10)
        XCTAssertEqual(Set(data.train.labels + data.test.labels), [0, 2])
        XCTAssertTrue(data.description.contains("labels 0, 2"), data.description)
        let fractions = try ExperimentData.load(try parse(editing(moons, "  test_count: 100",
                                                                  "  test_count: 100\n  test_fraction: 0.25")).data,
                                                seed: 1, dataDirectory: nil)
        XCTAssertEqual([fractions.train.count, fractions.test.count], [200, 25])
    }

    func testABatchLargerThanASyntheticSetIsRejectedWhenTheFileIsRead() {
        let found = rejection(of: editing(moons, "  batch_size: 16", "  batch_size: 64"),
                              overrides: ["data.labels=[1]", "data.count=100"])
        assertOneDiagnostic(found, line: 17, keyPath: "training.batch_size",
                            contains: ["a batch of 64 examples is larger than the training set", "50 examples of `moons`"])
    }

    // MARK: idx files

    /// Writes an IDX images/labels pair of `count` images of `rows × cols` (images gzip-compressed
    /// when `gzip`), labels cycling over 0…3, into `folder` under `prefix` followed by `suffixes`.
    private func writeIDX(_ folder: ExperimentFolder, _ prefix: String, count: Int, rows: Int, cols: Int,
                          gzip: Bool = false, suffixes: (images: String, labels: String) = ("-images", "-labels")) throws {
        func header(_ magic: UInt32, _ dimensions: [Int]) -> [UInt8] {
            ([magic] + dimensions.map(UInt32.init)).flatMap { value in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
        }
        let labels = (0..<count).map { UInt8($0 % 4) }
        let pixels = (0..<count * rows * cols).map { index -> UInt8 in
            let image = index / (rows * cols), pixel = index % (rows * cols)
            return pixel % cols == Int(labels[image]) * 2 ? 255 : 0
        }
        let images = header(0x0803, [count, rows, cols]) + pixels
        let imagesURL = folder.url.appendingPathComponent("\(prefix)\(suffixes.images)\(gzip ? ".gz" : "")")
        try FileManager.default.createDirectory(at: imagesURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        if gzip {
            let file = try XCTUnwrap(gzopen(imagesURL.path, "wb"))
            _ = images.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
            XCTAssertEqual(gzclose(file), Z_OK)
        } else {
            try Data(images).write(to: imagesURL)
        }
        try Data(header(0x0801, [count]) + labels).write(to: folder.url.appendingPathComponent("\(prefix)\(suffixes.labels)"))
    }

    private func idxExperiment(train: String = "data/train", test: String = "data/test", steps: Int = 30) -> String {
        editing(editing(moons, "  dataset: moons\n  count: 200\n  test_count: 100", """
              dataset: idx
              train: {images: \(train)-images.gz, labels: \(train)-labels}
              test: {images: \(test)-images, labels: \(test)-labels}
            """), "  steps: 60", "  steps: \(steps)")
    }

    func testIDXImageSizeIsReadFromTheHeadersAndPathsAreRelativeToTheFile() throws {
        let folder = try ExperimentFolder()
        try writeIDX(folder, "data/train", count: 64, rows: 12, cols: 10, gzip: true)
        try writeIDX(folder, "data/test", count: 20, rows: 12, cols: 10)
        let experiment = try ExperimentReader.load(path: try folder.write("idx.yaml", idxExperiment()))
        let files = try XCTUnwrap(experiment.data.files)
        XCTAssertEqual([files.rows, files.cols, files.trainCount], [12, 10, 64])
        XCTAssertEqual(files.trainImages, folder.url.appendingPathComponent("data/train-images.gz").standardized.path)
        XCTAssertEqual(decoderOutput(experiment), 120)
    }

    func testIDXPathsOfAnExtendedFileAreRelativeToThatFile() throws {
        let folder = try ExperimentFolder()
        try writeIDX(folder, "base/data/train", count: 64, rows: 6, cols: 5, gzip: true)
        try writeIDX(folder, "base/data/test", count: 20, rows: 6, cols: 5)
        try folder.write("base/base.yaml", idxExperiment())
        let child = try folder.write("child.yaml", "extends: base/base.yaml\nname: child\n")
        let files = try XCTUnwrap(try ExperimentReader.load(path: child).data.files)
        XCTAssertEqual(files.testLabels, folder.url.appendingPathComponent("base/data/test-labels").standardized.path)
    }

    func testIDXImagesOfAnotherSizeThan28By28TrainEndToEnd() throws {
        let folder = try ExperimentFolder()
        try writeIDX(folder, "data/train", count: 64, rows: 12, cols: 10, gzip: true)
        try writeIDX(folder, "data/test", count: 20, rows: 12, cols: 10)
        let experiment = try ExperimentReader.load(path: try folder.write("idx.yaml", idxExperiment()))
        let result = try run(experiment)
        XCTAssertEqual(result.status, .completed)
        XCTAssertEqual(try metrics(result).rows.map { $0[0] }, ["10", "20", "30"])
        XCTAssertTrue(result.dataDescription.contains("idx 12×10: 64 train / 20 test"), result.dataDescription)
        XCTAssertTrue(try files(of: result).isSuperset(of: ["eval.csv", "reconstructions.png", "losses.png"]))
    }

    func testShowPrintsIDXPathsThatReadBackAnywhere() throws {
        let folder = try ExperimentFolder()
        try writeIDX(folder, "data/train", count: 64, rows: 6, cols: 5, gzip: true)
        try writeIDX(folder, "data/test", count: 20, rows: 6, cols: 5)
        let experiment = try ExperimentReader.load(path: try folder.write("idx.yaml", idxExperiment()))
        let text = resolvedYAML(experiment)
        XCTAssertTrue(text.contains("\n  train:\n    images: "), text)
        let reread = try ExperimentReader.parse(Data(text.utf8), file: "/elsewhere/resolved.yaml")
        assertSameExperiment(reread, experiment)
    }

    // MARK: Schedules, epochs, report

    func testEveryNewKeyRoundTripsThroughShow() throws {
        let text = editing(editing(editing(lineByLineExperiment, "  dataset: mnist\n  scale: [0, 1]", """
              dataset: blobs
              classes: 4
              features: 784
              std: 0.25
              count: 300
              labels: [3, 1]
              train_fraction: 0.5
              test_size: 40
            """), "  lr: 0.001", """
              lr: 0.001
              schedule: {kind: step, every: 5, factor: 0.1}
              discriminator: {schedule: {kind: exponential, decay_rate: 0.5, decay_steps: 7, staircase: true}}
              generator: {lr: 0.01}
            """), "  steps: 10", "  epochs: 3") + "report: {plots: [samples, losses], eval: false}\n"
        let experiment = try parse(text)
        let resolved = resolvedYAML(experiment)
        for line in ["  classes: 4\n", "  labels: [3, 1]\n", "  train_fraction: 0.5\n", "  test_size: 40\n",
                     "  schedule: {kind: step, every: 5, factor: 0.1}\n",
                     "    schedule: {kind: exponential, decay_rate: 0.5, decay_steps: 7, staircase: true}\n",
                     "  epochs: 3\n", "report:\n  plots: [samples, losses]\n  eval: false\n"] {
            XCTAssertTrue(resolved.contains(line), "`\(line)` is not in:\n\(resolved)")
        }
        XCTAssertFalse(resolved.contains("  steps:"), resolved)
        XCTAssertFalse(resolved.contains("scale:"), resolved)
        let reread = try parse(resolved)
        assertSameExperiment(reread, experiment)
        XCTAssertEqual(resolvedYAML(reread), resolved)
        XCTAssertEqual(reread.optimizer.setting(for: .generator).schedule, reread.optimizer.shared.schedule)
    }

    func testAPhaseInheritsTheSharedScheduleAndOverridesItsValues() throws {
        let experiment = try parse(editing(lineByLineExperiment, "  lr: 0.001", """
              lr: 0.001
              schedule: {kind: exponential, decay_rate: 0.9, decay_steps: 100}
              discriminator: {schedule: {decay_steps: 10}}
            """))
        XCTAssertEqual(experiment.optimizer.setting(for: .reconstruction).schedule,
                       ScheduleSetting(kind: "exponential", parameters: ["decay_rate": 0.9, "decay_steps": 100],
                                       switches: ["staircase": false]))
        XCTAssertEqual(experiment.optimizer.setting(for: .discriminator).schedule.parameters,
                       ["decay_rate": 0.9, "decay_steps": 10])
    }

    func testDiscriminatorUpdateReachesTheModelAndDefaultsToJoint() throws {
        let joint = ModelBuilder.model(try parse(lineByLineExperiment), inputFeatures: 784, seed: 1)
        XCTAssertEqual((joint as? AdversarialAutoencoder)?.discriminatorUpdate, .joint)
        let separate = ModelBuilder.model(try parse(lineByLineExperiment, overrides: ["model.discriminator_update=separate"]),
                                          inputFeatures: 784, seed: 1)
        XCTAssertEqual((separate as? AdversarialAutoencoder)?.discriminatorUpdate, .separate)
    }

    func testEachModelNamesThePhaseOfEachOptimizer() throws {
        let phased = try parse(lineByLineExperiment)
        let model = ModelBuilder.model(phased, inputFeatures: 784, seed: 1)
        XCTAssertEqual(model.phaseOptimizers.map(\.phase), [.discriminator, .reconstruction, .generator])
        let combined = ModelBuilder.model(try parse(lineByLineExperiment, overrides: ["model.schedule=combined"]),
                                          inputFeatures: 784, seed: 1)
        XCTAssertEqual(combined.phaseOptimizers.map(\.phase), [.discriminator, .generator])
        let autoencoder = ModelBuilder.model(try parse(moons), inputFeatures: 2, seed: 1)
        XCTAssertEqual(autoencoder.phaseOptimizers.map(\.phase), [.reconstruction])
    }

    func testEachPhaseOptimizerIsBuiltWithTheLearningRateScheduleOfItsPhase() throws {
        let experiment = try parse(editing(lineByLineExperiment, "  lr: 0.001", """
              lr: 0.001
              schedule: {kind: step, every: 5, factor: 0.1}
              discriminator: {schedule: {kind: exponential, decay_rate: 0.5, decay_steps: 7, staircase: true}}
              generator: {lr: 0.01}
            """))
        let model = ModelBuilder.model(experiment, inputFeatures: 784, seed: 1)
        XCTAssertEqual(model.phaseOptimizers.map(\.initialLearningRate), [0.001, 0.001, 0.01])
        model.scheduleLearningRates(completedSteps: 14)
        let rates = Dictionary(uniqueKeysWithValues: model.phaseOptimizers.map { ($0.phase, $0.optimizer.learningRate) })
        XCTAssertEqual(rates, [.reconstruction: Float(0.001 * pow(0.1, 2)), .discriminator: Float(0.001 * pow(0.5, 2)),
                               .generator: Float(0.01 * pow(0.1, 2))])
    }

    func testEachModelNamesItsStepMetricsInTheOrderOfItsColumns() throws {
        func names(_ text: String, _ overrides: [String] = [], inputs: Int = 784) throws -> [String] {
            ModelBuilder.model(try parse(text, overrides: overrides), inputFeatures: inputs, seed: 1).stepMetrics.names
        }
        XCTAssertEqual(try names(lineByLineExperiment), ["d_loss", "d_acc", "recon_loss", "adv_loss"])
        XCTAssertEqual(try names(lineByLineExperiment, ["model.schedule=combined"]),
                       ["d_loss", "d_acc", "g_loss", "recon_loss", "adv_loss"])
        XCTAssertEqual(try names(moons, inputs: 2), ["loss", "recon_loss"])
        XCTAssertEqual(try names(moons, ["model.kind=sparse_autoencoder", "loss.sparsity={kind: l1, lambda: 0.001}"],
                                 inputs: 2),
                       ["loss", "recon_loss", "sparsity_loss", "mean_activation"])
        XCTAssertEqual(try names(moons, ["model.kind=vae"], inputs: 2), ["loss", "recon_loss", "kl"])
    }

    func testAZeroFactorStepScheduleFreezesTrainingAfterItsInterval() throws {
        let frozen = try metrics(run(try parse(editing(moons, "  lr: 0.01",
                                                       "  lr: 0.01\n  schedule: {kind: step, every: 20, factor: 0}"))))
        let heldOut = try XCTUnwrap(frozen.column(named: "heldout_recon_mse"))
        XCTAssertEqual(frozen.rows.map { $0[0] }, ["10", "20", "30", "40", "50", "60"])
        XCTAssertNotEqual(heldOut[0], heldOut[1])
        XCTAssertEqual(Set(heldOut[1...]).count, 1, "held-out MSE after step 20: \(heldOut)")
        let constant = try XCTUnwrap(try metrics(run(try parse(moons))).column(named: "heldout_recon_mse"))
        XCTAssertEqual(constant[0...1], heldOut[0...1])
        XCTAssertNotEqual(constant[5], heldOut[5])
    }

    func testEpochsBecomeStepsFromTheTrainingSetSize() throws {
        let experiment = try parse(editing(moons, "  steps: 60\n  batch_size: 16\n  log_every: 10",
                                           "  epochs: 2\n  batch_size: 32\n  log_every: 1"), overrides: ["data.count=100"])
        XCTAssertEqual(experiment.training.epochs, 2)
        XCTAssertEqual(experiment.training.resolved(trainingExamples: 100).steps, 8)
        XCTAssertEqual(experiment.training.resolved(trainingExamples: 96).steps, 6)
        let result = try run(experiment)
        XCTAssertEqual(try metrics(result).rows.last?.first, "8")
        XCTAssertTrue(RunSummary(experiment: experiment, result: result).text.contains("after 2 epochs"))
    }

    func testRunSummaryNamesEachMetricOnce() throws {
        let experiment = try parse(moons)
        let result = try run(experiment)
        let logged = Set(result.finalMetrics.map(\.0))
        let both = result.evaluation.map(\.name).filter(logged.contains)
        XCTAssertFalse(both.isEmpty, "the moons run logs a held-out metric that the evaluation also reports")
        let names = RunSummary(experiment: experiment, result: result).text.split(separator: "\n")
            .compactMap { $0.hasPrefix("  ") ? $0.split(separator: " ").first.map(String.init) : nil }
        XCTAssertEqual(names.count, Set(names).count, "\(names)")
        for name in both { XCTAssertTrue(names.contains(name)) }
    }

    func testReportChoosesTheFiguresAndWhetherEvalCSVIsWritten() throws {
        let chosen = try run(try parse(moons + "report: {plots: [losses, manifold], eval: false}\n"))
        let written = try files(of: chosen)
        XCTAssertTrue(written.contains("losses.png"))
        XCTAssertFalse(written.contains("latent_scatter.png"))
        XCTAssertFalse(written.contains("eval.csv"))
        XCTAssertTrue(chosen.evaluation.isEmpty)
        let defaults = try files(of: run(try parse(moons)))
        XCTAssertEqual(Set(defaults.filter { $0.hasSuffix(".png") }), Set(["losses.png", "latent_scatter.png"]),
                       "points (rows 1) get no image figures")
        XCTAssertTrue(defaults.contains("eval.csv"))
    }

    // MARK: Fashion-MNIST

    func testFashionMNISTTrainsOnTheOfficialFilesOfTheDataDirectoryWithGarmentNames() throws {
        let root = try ExperimentFolder()
        let officialNames = (images: "-images-idx3-ubyte", labels: "-labels-idx1-ubyte")
        try writeIDX(root, "fashion-mnist/train", count: 64, rows: 28, cols: 28, gzip: true, suffixes: officialNames)
        try writeIDX(root, "fashion-mnist/t10k", count: 20, rows: 28, cols: 28, suffixes: officialNames)
        let experiment = try parse(editing(lineByLineExperiment, "dataset: mnist", "dataset: fashion_mnist"))
        XCTAssertEqual(decoderOutput(experiment), 784)
        let split = try ExperimentData.load(experiment.data, seed: 1, dataDirectory: root.url.path)
        XCTAssertEqual(split.description, "Fashion-MNIST official split: 64 train / 20 test "
                       + "(\(root.url.appendingPathComponent("fashion-mnist").path))")
        XCTAssertEqual(split.test.classNames, .fashionMNIST)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("aae-data-\(UUID().uuidString)")
        outputs.append(output)
        let result = try ExperimentRunner(experiment: experiment, options: RunOptions(
            outputDirectory: output.path, dataDirectory: root.url.path, quiet: true)).run()
        XCTAssertEqual(result.status, .completed)
        XCTAssertEqual(result.dataDescription, split.description)
    }

    func testIDXFileKeysOnFashionMNISTAreRejected() {
        let found = rejection(of: editing(lineByLineExperiment, "dataset: mnist", "dataset: fashion_mnist\n  train: {images: a, labels: b}"))
        assertOneDiagnostic(found, line: 5, keyPath: "data.train",
                            contains: ["`train` names the files of the `idx` dataset; dataset is `fashion_mnist`"])
    }

    // MARK: Bad input

    func testMisspeltDatasetSuggestsTheNearestOne() {
        assertOneDiagnostic(rejection(of: editing(moons, "dataset: moons", "dataset: mons")), line: 4,
                            keyPath: "data.dataset", contains: ["found `mons`", "did you mean `moons`?"])
    }

    func testFractionOutsideZeroToOneIsRejected() {
        assertOneDiagnostic(rejection(of: editing(moons, "  count: 200", "  count: 200\n  train_fraction: 1.5")), line: 6,
                            keyPath: "data.train_fraction", contains: ["expected a number in (0, 1], found 1.5"])
    }

    func testSizeAndFractionOfTheSameSetAreExclusive() {
        let found = rejection(of: editing(moons, "  count: 200", "  count: 200\n  test_size: 5\n  test_fraction: 0.5"))
        assertOneDiagnostic(found, line: 7, keyPath: "data.test_fraction",
                            contains: ["give either `test_size` or `test_fraction`, not both"])
    }

    func testLabelOutsideTheDatasetsLabelsIsRejectedAtTheElement() {
        let found = rejection(of: editing(lineByLineExperiment, "  scale: [0, 1]", "  scale: [0, 1]\n  labels: [0, 12]"))
        assertOneDiagnostic(found, line: 6, keyPath: "data.labels[1]", contains: ["`mnist` has labels 0…9, found 12"])
        let moonLabel = rejection(of: editing(moons, "  count: 200", "  count: 200\n  labels: [2]"))
        assertOneDiagnostic(moonLabel, line: 6, keyPath: "data.labels[0]", contains: ["`moons` has labels 0…1, found 2"])
    }

    func testRepeatedLabelIsRejected() {
        let found = rejection(of: editing(moons, "  count: 200", "  count: 200\n  labels: [1, 1]"))
        assertOneDiagnostic(found, line: 6, keyPath: "data.labels[1]", contains: ["label 1 is listed twice"])
    }

    func testSyntheticSettingOnMNISTIsRejected() {
        let found = rejection(of: editing(lineByLineExperiment, "  scale: [0, 1]", "  scale: [0, 1]\n  count: 100"))
        assertOneDiagnostic(found, line: 6, keyPath: "data.count",
                            contains: ["`count` is a setting of the synthetic datasets", "not of `mnist`"])
    }

    func testSettingOfAnotherSyntheticSetIsRejected() {
        let found = rejection(of: editing(moons, "  count: 200", "  count: 200\n  classes: 3"))
        assertOneDiagnostic(found, line: 6, keyPath: "data.classes", contains: ["`moons` has no setting `classes`", "noise"])
    }

    func testScaleOfASyntheticSetIsRejected() {
        let found = rejection(of: editing(moons, "  count: 200", "  count: 200\n  scale: [-1, 1]"))
        assertOneDiagnostic(found, line: 6, keyPath: "data.scale", contains: ["applies to the image datasets", "not to `moons`"])
    }

    func testFourDimensionalSwissRollIsRejected() {
        let found = rejection(of: editing(moons, "  dataset: moons", "  dataset: swiss_roll\n  features: 4"))
        assertOneDiagnostic(found, line: 5, keyPath: "data.features", contains: ["expected a number in [2, 3], found 4"])
    }

    func testFractionalBlobCountIsRejected() {
        let found = rejection(of: editing(moons, "  dataset: moons", "  dataset: blobs"), overrides: ["data.count=20.5"])
        assertOneDiagnostic(found, line: 0, keyPath: "data.count", contains: ["expected a whole number, found 20.5"])
    }

    func testMissingIDXFileIsReportedAtItsPath() throws {
        let folder = try ExperimentFolder()
        try writeIDX(folder, "data/train", count: 64, rows: 6, cols: 5, gzip: true)
        try writeIDX(folder, "data/test", count: 20, rows: 6, cols: 5)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("data/test-images"))
        let path = try folder.write("idx.yaml", idxExperiment())
        assertOneDiagnostic(rejection(ofFile: path), file: path, line: 6, keyPath: "data.test.images",
                            contains: ["no such file", folder.url.appendingPathComponent("data/test-images").path])
    }

    func testLabelsFileGivenAsImagesIsAWrongMagicNumber() throws {
        let folder = try ExperimentFolder()
        try writeIDX(folder, "data/train", count: 64, rows: 6, cols: 5, gzip: true)
        try writeIDX(folder, "data/test", count: 20, rows: 6, cols: 5)
        let path = try folder.write("idx.yaml", editing(idxExperiment(), "test: {images: data/test-images",
                                                        "test: {images: data/test-labels"))
        assertOneDiagnostic(rejection(ofFile: path), file: path, line: 6, keyPath: "data.test.images",
                            contains: ["not a valid IDX file", "expected 0x00000803"])
    }

    func testIDXImagesOfDifferentSizesAreRejected() throws {
        let folder = try ExperimentFolder()
        try writeIDX(folder, "data/train", count: 64, rows: 6, cols: 5, gzip: true)
        try writeIDX(folder, "data/test", count: 20, rows: 5, cols: 6)
        let path = try folder.write("idx.yaml", idxExperiment())
        assertOneDiagnostic(rejection(ofFile: path), file: path, line: 6, keyPath: "data.test.images",
                            contains: ["the held-out images are 5×6 but the training images are 6×5"])
    }

    func testIDXWithoutTestFilesIsRejected() {
        let found = rejection(of: editing(moons, "  dataset: moons\n  count: 200\n  test_count: 100",
                                          "  dataset: idx\n  train: {images: a, labels: b}"))
        XCTAssertTrue(found.contains { $0.keyPath == "data.test" && $0.message.contains("missing required key `test`") },
                      "\(found)")
    }

    func testMisspeltScheduleKindSuggestsTheNearestOne() {
        let found = rejection(of: editing(moons, "  lr: 0.01", "  lr: 0.01\n  schedule: {kind: stpe}"))
        assertOneDiagnostic(found, line: 15, keyPath: "optimizer.schedule.kind", contains: ["did you mean `step`?"])
    }

    func testScheduleSettingOfAnotherKindIsRejected() {
        let found = rejection(of: editing(moons, "  lr: 0.01", "  lr: 0.01\n  schedule: {kind: step, staircase: true}"))
        assertOneDiagnostic(found, line: 15, keyPath: "optimizer.schedule.staircase",
                            contains: ["`step` has no setting `staircase`", "every, factor"])
    }

    func testFractionalScheduleIntervalIsRejected() {
        let found = rejection(of: editing(moons, "  lr: 0.01", "  lr: 0.01\n  schedule:\n    kind: step\n    every: 2.5"))
        assertOneDiagnostic(found, line: 17, keyPath: "optimizer.schedule.every", contains: ["expected a whole number, found 2.5"])
    }

    func testBadPhaseScheduleIsReportedUnderItsPhase() {
        let found = rejection(of: editing(lineByLineExperiment, "  lr: 0.001",
                                          "  lr: 0.001\n  generator: {schedule: {kind: exponential, decay_steps: 0}}"))
        assertOneDiagnostic(found, line: 20, keyPath: "optimizer.generator.schedule.decay_steps",
                            contains: ["expected a number in [1, 1000000000], found 0"])
    }

    func testStepsAndEpochsTogetherAreRejected() {
        let found = rejection(of: editing(moons, "  steps: 60", "  steps: 60\n  epochs: 3"))
        assertOneDiagnostic(found, line: 17, keyPath: "training.epochs", contains: ["either `steps` or `epochs`, not both"])
    }

    func testUnknownPlotSuggestsTheNearestOne() {
        let found = rejection(of: moons + "report:\n  plots: [losses, latent_scater]\n")
        assertOneDiagnostic(found, line: 22, keyPath: "report.plots[1]",
                            contains: ["found `latent_scater`", "did you mean `latent_scatter`?"])
    }

    func testEvalEveryWithoutEvaluationIsRejected() {
        let found = rejection(of: editing(moons, "  log_every: 10", "  log_every: 10\n  eval_every: 20")
                                + "report:\n  eval: false\n")
        assertOneDiagnostic(found, line: 23, keyPath: "report.eval",
                            contains: ["`eval: false` skips the evaluation", "eval_every is 20"])
    }
}
