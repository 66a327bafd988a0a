import AAECore
import XCTest

/// The categorical AAE on four separated blobs in 16 dimensions (pixels in [0, 1]):
/// its softmax head learns the blobs from a few labels, each group's discriminator
/// trains, the cluster heads' phase parts its heads, and a restored state continues
/// bit for bit.
final class CategoricalAdversarialAutoencoderTests: XCTestCase {
    private let features = 16, batchSize = 32, classes = 4, styleSize = 2
    private var examples: [Float] = []
    private var labels: [Int32] = []

    override func setUp() {
        super.setUp()
        (examples, labels) = blobExamples(classes: classes, features: features, seed: 78)
    }

    private func model(phases: [TrainingPhase], labelled: LabelledSubset? = .perClass(3), clusterHeads: Bool = false,
                       seed: UInt64 = 3) -> CategoricalAdversarialAutoencoder {
        var random = RandomGenerator(seed: seed)
        let encoder = denseNetwork("encoder", [features, 32, classes + styleSize], random: &random)
        let decoder = denseNetwork("decoder", [clusterHeads ? styleSize : classes + styleSize, 32, features], random: &random,
                              output: Activation(Sigmoid(), features: features))
        let groups = [
            LatentGroup(name: "y", size: classes, activation: Softmax(features: classes), prior: CategoricalPrior(classes: classes),
                        discriminator: denseNetwork("y_discriminator", [classes, 16, 1], random: &random,
                                               output: Activation(Sigmoid(), features: 1))),
            LatentGroup(name: "z", size: styleSize, activation: nil, prior: NormalPrior(dimension: styleSize, mean: 0, std: 1),
                        discriminator: denseNetwork("z_discriminator", [styleSize, 16, 1], random: &random,
                                               output: Activation(Sigmoid(), features: 1))),
        ]
        let heads = clusterHeads
            ? Sequential(name: "cluster_heads", inputFeatures: classes,
                         layers: [Dense(inputFeatures: classes, units: styleSize, useBias: false, random: &random)])
            : nil
        let model = CategoricalAdversarialAutoencoder(
            encoder: encoder, decoder: decoder, groups: groups, clusterHeads: heads,
            clusterHeadPenalty: clusterHeads ? ClusterHeadPenalty(threshold: 3) : nil, phases: phases,
            labelledSubset: labelled, reconstruction: .bce, batchSize: batchSize,
            optimizers: { phase, parameters in
                PhaseOptimizer(phase: phase, optimizer: Adam(parameters: parameters, learningRate: 0.005, beta1: 0.5))
            }, random: RandomGenerator(seed: seed, stream: RandomStreams.model))
        if labelled != nil {
            var draw = RandomGenerator(seed: 3, stream: RandomStreams.balancedLabelledSubset)
            let indices = try! LabelledSubset.perClass(3).indices(labels: labels, classes: classes, random: &draw)
            let chosen = indices.flatMap { examples[($0 * features)..<(($0 + 1) * features)] }
            model.useLabelledExamples(chosen, labels: indices.map { labels[$0] }, count: indices.count)
        }
        return model
    }

    /// Trains `steps` steps on the blobs and returns each step's metrics.
    @discardableResult
    private func train(_ model: TrainableModel, steps: Int, seed: UInt64 = 5) -> [[Float]] {
        var sampler = BatchSampler(exampleCount: labels.count, batchSize: batchSize, random: RandomGenerator(seed: seed))
        var batch = [Float](repeating: 0, count: batchSize * features)
        var batchLabels = [Int32](repeating: 0, count: batchSize)
        var metrics: [[Float]] = []
        for _ in 0..<steps {
            let indices = sampler.nextBatch()
            examples.withUnsafeBufferPointer { source in
                batch.withUnsafeMutableBufferPointer {
                    BatchSampler.gather(rows: indices, of: source.baseAddress!, width: features, into: $0.baseAddress!)
                }
            }
            for (row, index) in indices.enumerated() { batchLabels[row] = labels[index] }
            model.trainStep(batch: batch, labels: batchLabels)
            metrics.append(model.stepMetrics.map(\.value))
        }
        return metrics
    }

    private func classificationError(_ model: CategoricalAdversarialAutoencoder) -> Double {
        let probabilities = examples.withUnsafeBufferPointer { model.categoryProbabilities($0.baseAddress!, count: labels.count) }
        let predicted = ClusterAssignment.argmax(probabilities, width: classes)
        return Double(zip(predicted, labels).filter { Int32($0.0) != $0.1 }.count) / Double(labels.count)
    }

    func testTheCategoricalHeadLearnsTheBlobsFromThreeLabelsPerClass() {
        let model = model(phases: [.reconstruction, .discriminator, .generator, .classification])
        XCTAssertEqual(model.stepMetrics.names,
                       ["recon_loss", "d_loss_y", "d_acc_y", "d_loss_z", "d_acc_z", "adv_loss", "class_loss"])
        XCTAssertGreaterThan(classificationError(model), 0.3)
        train(model, steps: 300)
        XCTAssertLessThan(classificationError(model), 0.05)
        let probabilities = examples.withUnsafeBufferPointer { model.categoryProbabilities($0.baseAddress!, count: 4) }
        for row in 0..<4 { XCTAssertEqual(probabilities[(row * classes)..<((row + 1) * classes)].reduce(0, +), 1, accuracy: 1e-5) }
        XCTAssertTrue(model.stepMetrics.allSatisfy { $0.value.isFinite })
    }

    func testTheClassifierBaselineTrainsTheEncoderAlone() {
        let model = model(phases: [.classification])
        XCTAssertEqual(model.stepMetrics.names, ["class_loss"])
        XCTAssertEqual(model.phaseOptimizers.map(\.phase), [.classification])
        let decoderBefore = model.decoder.parameters.map(\.value.scalars)
        train(model, steps: 100)
        XCTAssertLessThan(classificationError(model), 0.05)
        XCTAssertEqual(model.decoder.parameters.map(\.value.scalars), decoderBefore)
    }

    func testEachGroupsDiscriminatorTrainsOnItsOwnPrior() {
        let model = model(phases: [.discriminator], labelled: nil)
        let encoderBefore = model.encoder.parameters.map(\.value.scalars)
        let discriminatorsBefore = model.groups.map { $0.discriminator.parameters.map(\.value.scalars) }
        let metrics = train(model, steps: 60)
        let names = model.stepMetrics.names
        for group in ["y", "z"] {
            let loss = names.firstIndex(of: "d_loss_\(group)")!, accuracy = names.firstIndex(of: "d_acc_\(group)")!
            XCTAssertLessThan(metrics.suffix(5).map { $0[loss] }.reduce(0, +), metrics.prefix(5).map { $0[loss] }.reduce(0, +),
                              "\(group)'s discriminator loss falls")
            XCTAssertGreaterThan(metrics.last![accuracy], 0.5, "\(group)'s discriminator tells its prior from codes")
        }
        for (group, before) in zip(model.groups, discriminatorsBefore) {
            XCTAssertNotEqual(group.discriminator.parameters.map(\.value.scalars), before, "\(group.name)'s discriminator moved")
        }
        XCTAssertEqual(model.encoder.parameters.map(\.value.scalars), encoderBefore, "the codes are data to them")
    }

    func testTheClusterHeadsPhasePartsHeadsCloserThanTheThreshold() {
        let model = model(phases: [.reconstruction, .clusterHeads], labelled: nil, clusterHeads: true)
        XCTAssertEqual(model.latentDimension, styleSize)
        let metrics = train(model, steps: 200)
        let penalty = model.stepMetrics.names.firstIndex(of: "head_penalty")!
        XCTAssertGreaterThan(metrics[0][penalty], 0)
        XCTAssertLessThan(metrics.last![penalty], metrics[0][penalty] / 2)
        let codes = examples.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: 3) }
        XCTAssertEqual(codes.count, 3 * styleSize)
    }

    func testDecodingACategoryAndAStyleReadsTheirCode() {
        let model = model(phases: [.reconstruction], labelled: nil)
        let categories: [Int32] = [2], styles: [Float] = [0.5, -1]
        let decoded = model.decode(categories: categories, styles: styles, count: 1)
        let code: [Float] = [0, 0, 1, 0, 0.5, -1]
        XCTAssertEqual(decoded, model.decode(code, labels: nil, count: 1))
    }

    func testARestoredStateContinuesBitForBit() throws {
        let phases: [TrainingPhase] = [.reconstruction, .discriminator, .generator, .classification]
        let original = model(phases: phases)
        train(original, steps: 4)
        let state = original.checkpointState
        let continued = train(original, steps: 4, seed: 6)
        let restored = model(phases: phases, seed: 4)
        try restored.restore(state)
        XCTAssertEqual(train(restored, steps: 4, seed: 6), continued)
    }
}
