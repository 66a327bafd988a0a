import AAECore
import XCTest

/// Each model of the family learns a small synthetic task in seconds: four
/// separated blobs in 16 dimensions, pixels in [0, 1].
final class ModelLearningTests: XCTestCase {
    private let features = 16, latent = 2, batchSize = 32, classes = 4
    private var examples: [Float] = []
    private var labels: [Int32] = []

    override func setUp() {
        super.setUp()
        (examples, labels) = blobExamples(classes: classes, features: features, seed: 77)
    }

    private func networks(posterior: Posterior = .deterministic, decoderLabels: Int = 0,
                          codeActivation: Layer? = nil, random: inout RandomGenerator) -> EncoderDecoder {
        let trunkInputs = CodeEncoder.trunkInputFeatures(inputFeatures: features, posterior: posterior)
        let trunk = posterior == .gaussian
            ? denseNetwork("encoder", [trunkInputs, 32], random: &random, output: Activation(ReLU(), features: 32))
            : denseNetwork("encoder", [trunkInputs, 32, latent], random: &random, output: codeActivation)
        let encoder = CodeEncoder(trunk: trunk, posterior: posterior, inputFeatures: features,
                                  latentDimension: latent, random: &random)
        let decoder = denseNetwork("decoder", [latent + decoderLabels, 32, features], random: &random,
                              output: Activation(Sigmoid(), features: features))
        return EncoderDecoder(encoder: encoder, decoder: decoder, decoderLabelCount: decoderLabels)
    }

    /// Adam (β₁ 0.5) at a constant rate per phase.
    private func adam(_ rates: [TrainingPhase: Float]) -> PhaseOptimizerMaker {
        { phase, parameters in
            PhaseOptimizer(phase: phase, optimizer: Adam(parameters: parameters, learningRate: rates[phase]!, beta1: 0.5))
        }
    }

    /// An adversarial autoencoder's rates: `discriminator` for its discriminator, 0.01 for the
    /// autoencoder's update (the combined schedule's generator phase, the phased schedule's
    /// reconstruction phase) and 0.002 for the phased schedule's generator phase.
    private func adversarialAdam(_ schedule: AdversarialSchedule, discriminator: Float = 0.002) -> PhaseOptimizerMaker {
        adam(schedule == .combined ? [.discriminator: discriminator, .generator: 0.01]
                                   : [.discriminator: discriminator, .reconstruction: 0.01, .generator: 0.002])
    }

    /// Trains `steps` steps; returns the held-out reconstruction MSE before and after.
    private func train(_ model: TrainableModel, steps: Int = 400) -> (before: Double, after: Double) {
        var sampler = BatchSampler(exampleCount: labels.count, batchSize: batchSize, random: RandomGenerator(seed: 5))
        var batch = [Float](repeating: 0, count: batchSize * features)
        var batchLabels = [Int32](repeating: 0, count: batchSize)
        let before = reconstructionError(model)
        for _ in 0..<steps {
            let indices = sampler.nextBatch()
            examples.withUnsafeBufferPointer { source in
                batch.withUnsafeMutableBufferPointer {
                    BatchSampler.gather(rows: indices, of: source.baseAddress!, width: features, into: $0.baseAddress!)
                }
            }
            for (row, index) in indices.enumerated() { batchLabels[row] = labels[index] }
            model.trainStep(batch: batch, labels: batchLabels)
            XCTAssertTrue(model.stepMetrics.allSatisfy { $0.value.isFinite }, "metrics \(Array(model.stepMetrics))")
        }
        return (before, reconstructionError(model))
    }

    private func reconstructionError(_ model: TrainableModel) -> Double {
        let output = examples.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { model.reconstruct(x.baseAddress!, labels: $0.baseAddress!, count: labels.count) }
        }
        return zip(output, examples).reduce(0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) } / Double(examples.count)
    }

    /// The fraction of examples whose code is nearer its own class's mean code than any other's.
    private func codeSeparation(_ model: TrainableModel) -> Double {
        let codes = examples.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: labels.count) }
        var means = [[Double]](repeating: [Double](repeating: 0, count: latent), count: classes)
        for (i, label) in labels.enumerated() {
            for j in 0..<latent { means[Int(label)][j] += Double(codes[i * latent + j]) / Double(labels.count / classes) }
        }
        var correct = 0
        for (i, label) in labels.enumerated() {
            let distances = means.map { mean in (0..<latent).reduce(0.0) { $0 + pow(Double(codes[i * latent + $1]) - mean[$1], 2) } }
            if distances.firstIndex(of: distances.min()!) == Int(label) { correct += 1 }
        }
        return Double(correct) / Double(labels.count)
    }

    private func assertLearns(_ model: TrainableModel, file: StaticString = #filePath, line: UInt = #line) {
        let (before, after) = train(model)
        XCTAssertLessThan(after, before / 2, "reconstruction MSE \(before) → \(after)", file: file, line: line)
        XCTAssertGreaterThan(codeSeparation(model), 0.95, "codes of the blobs do not separate", file: file, line: line)
    }

    func testAutoencoderHalvesItsErrorAndSeparatesTheBlobs() {
        var random = RandomGenerator(seed: 1)
        assertLearns(Autoencoder(networks: networks(random: &random), reconstruction: .bce, sparsity: .none,
                                 batchSize: batchSize, optimizers: adam([.reconstruction: 0.01]), random: random))
    }

    func testSparseAutoencoderWithL1Learns() {
        var random = RandomGenerator(seed: 2)
        assertLearns(Autoencoder(networks: networks(random: &random), reconstruction: .bce, sparsity: .l1(lambda: 1e-3),
                                 batchSize: batchSize, optimizers: adam([.reconstruction: 0.01]), random: random))
    }

    func testKLSparsityPullsTheMeanActivationTowardsItsTarget() {
        var random = RandomGenerator(seed: 3)
        let model = Autoencoder(networks: networks(codeActivation: Activation(Sigmoid(), features: latent), random: &random),
                                reconstruction: .bce, sparsity: .kl(target: 0.1, weight: 3),
                                batchSize: batchSize, optimizers: adam([.reconstruction: 0.01]), random: random)
        let (before, after) = train(model)
        XCTAssertLessThan(after, before)
        let codes = examples.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: labels.count) }
        let meanActivation = codes.reduce(0) { $0 + Double($1) } / Double(codes.count)
        XCTAssertLessThan(meanActivation, 0.3, "mean code activation \(meanActivation)")
    }

    func testVariationalAutoencoderLearnsWithOneAndSeveralMonteCarloSamples() {
        for samples in [1, 3] {
            var random = RandomGenerator(seed: 4)
            assertLearns(VariationalAutoencoder(networks: networks(posterior: .gaussian, random: &random),
                                                reconstruction: .bce, monteCarloSamples: samples, batchSize: batchSize,
                                                optimizers: adam([.reconstruction: 0.01]), random: random))
        }
    }

    private func adversarial(posterior: Posterior, schedule: AdversarialSchedule, seed: UInt64,
                             update: DiscriminatorUpdate = .joint, discriminatorSteps: Int = 1) -> AdversarialAutoencoder {
        var random = RandomGenerator(seed: seed)
        let parts = networks(posterior: posterior, random: &random)
        let discriminator = denseNetwork("discriminator", [latent, 32, 1], random: &random,
                                    output: Activation(Sigmoid(), features: 1))
        return AdversarialAutoencoder(networks: parts, discriminator: discriminator, prior: NormalPrior(dimension: latent),
                                      schedule: schedule, discriminatorSteps: discriminatorSteps,
                                      discriminatorUpdate: update, reconstruction: .bce, reconstructionWeight: 1,
                                      adversarialWeight: 0.05, batchSize: batchSize, optimizers: adversarialAdam(schedule),
                                      random: random)
    }

    func testAdversarialAutoencoderLearnsWithEachPosteriorAndSchedule() {
        assertLearns(adversarial(posterior: .deterministic, schedule: .combined, seed: 5))
        assertLearns(adversarial(posterior: .deterministic, schedule: .phased, seed: 6))
        assertLearns(adversarial(posterior: .gaussian, schedule: .phased, seed: 7))
        assertLearns(adversarial(posterior: .universal(noiseDimension: 4, noiseStd: 0.5), schedule: .phased, seed: 8))
        assertLearns(adversarial(posterior: .deterministic, schedule: .combined, seed: 12, update: .separate))
        assertLearns(adversarial(posterior: .deterministic, schedule: .phased, seed: 15, update: .halves))
    }

    func testAdversarialTrainingPullsCodesTowardsThePrior() {
        for update in DiscriminatorUpdate.allCases {
            let model = adversarial(posterior: .deterministic, schedule: .phased, seed: 9, update: update)
            _ = train(model, steps: 600)
            let codes = examples.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: labels.count) }
            let meanSquare = codes.reduce(0) { $0 + Double($1 * $1) } / Double(codes.count)
            XCTAssertLessThan(meanSquare, 4, "\(update): codes' second moment \(meanSquare) is far from the prior's 1")
        }
    }

    func testSeparateDiscriminatorUpdatesStepTheDiscriminatorTwicePerRound() {
        for (update, updatesPerRound) in [(DiscriminatorUpdate.joint, 1), (.separate, 2), (.halves, 1)] {
            let model = adversarial(posterior: .deterministic, schedule: .combined, seed: 13, update: update,
                                    discriminatorSteps: 3)
            _ = train(model, steps: 5)
            XCTAssertEqual(model.discriminatorOptimizer.optimizer.iterations, 5 * 3 * updatesPerRound, "\(update)")
            XCTAssertEqual(model.autoencoderOptimizer.optimizer.iterations, 5, "\(update)")
        }
    }

    func testSeparateAndJointDiscriminatorUpdatesReportLossAndAccuracyOverBothHalves() {
        // A frozen discriminator that calls everything a prior sample (p = σ(3)):
        // right on the prior half, wrong on the code half, whichever the update.
        let p = 1 / (1 + exp(-3.0))
        let expectedLoss = 0.5 * -log(p) + 0.5 * -log(1 - p)
        for update in DiscriminatorUpdate.allCases {
            var random = RandomGenerator(seed: 14)
            let parts = networks(random: &random)
            let discriminator = denseNetwork("discriminator", [latent, 32, 1], random: &random,
                                        output: Activation(Sigmoid(), features: 1))
            for parameter in discriminator.parameters { parameter.value.fill(0) }
            discriminator.parameters.last!.value.fill(3)
            let model = AdversarialAutoencoder(networks: parts, discriminator: discriminator,
                                               prior: NormalPrior(dimension: latent), schedule: .combined,
                                               discriminatorUpdate: update, reconstruction: .bce,
                                               reconstructionWeight: 1, adversarialWeight: 0.05, batchSize: batchSize,
                                               optimizers: adversarialAdam(.combined, discriminator: 0), random: random)
            model.trainStep(batch: Array(examples.prefix(batchSize * features)), labels: Array(labels.prefix(batchSize)))
            XCTAssertEqual(model.stepMetrics["d_acc"], 0.5, "\(update): d_acc")
            XCTAssertEqual(Double(model.stepMetrics["d_loss"] ?? .nan), expectedLoss, accuracy: 1e-4, "\(update): d_loss")
        }
    }

    func testLabelAwareAAEPlacesEachClassOnItsMixtureComponent() {
        var random = RandomGenerator(seed: 10)
        let parts = networks(random: &random)
        let prior = GaussianMixturePrior(dimension: latent, components: classes, radius: 2, radialStd: 0.3, tangentialStd: 0.1)
        let discriminator = denseNetwork("discriminator", [latent + classes + 1, 32, 1], random: &random,
                                    output: Activation(Sigmoid(), features: 1))
        let model = AdversarialAutoencoder(networks: parts, discriminator: discriminator, prior: prior, schedule: .phased,
                                           labelAware: true, reconstruction: .bce, reconstructionWeight: 1,
                                           adversarialWeight: 1, batchSize: batchSize, optimizers: adversarialAdam(.phased),
                                           random: random)
        _ = train(model, steps: 800)
        let codes = examples.withUnsafeBufferPointer { model.encode($0.baseAddress!, count: labels.count) }
        for label in 0..<classes {
            let rows = labels.indices.filter { labels[$0] == Int32(label) }
            let meanCode = (0..<latent).map { j in rows.reduce(0.0) { $0 + Double(codes[$1 * latent + j]) } / Double(rows.count) }
            let componentMeans = (0..<classes).map { c -> [Double] in
                let angle = 2 * Double.pi * Double(c) / Double(classes)
                return [2 * cos(angle), 2 * sin(angle)]
            }
            let distances = componentMeans.map { pow($0[0] - meanCode[0], 2) + pow($0[1] - meanCode[1], 2) }
            XCTAssertEqual(distances.firstIndex(of: distances.min()!), label,
                           "class \(label)'s codes centre on \(meanCode), not on its component")
        }
    }

    func testSupervisedAAEDecoderUsesTheLabel() {
        var random = RandomGenerator(seed: 11)
        let parts = networks(decoderLabels: classes, random: &random)
        let discriminator = denseNetwork("discriminator", [latent, 32, 1], random: &random,
                                    output: Activation(Sigmoid(), features: 1))
        let model = AdversarialAutoencoder(networks: parts, discriminator: discriminator, prior: NormalPrior(dimension: latent),
                                           schedule: .phased, reconstruction: .bce, reconstructionWeight: 1,
                                           adversarialWeight: 1, batchSize: batchSize, optimizers: adversarialAdam(.phased),
                                           random: random)
        let (before, after) = train(model)
        XCTAssertLessThan(after, before / 2)
        let code = [Float](repeating: 0, count: latent)
        let decodedAs: [[Float]] = (0..<classes).map { label in
            let labels = [Int32(label)]
            return code.withUnsafeBufferPointer { c in labels.withUnsafeBufferPointer { model.decode(c.baseAddress!, labels: $0.baseAddress!, count: 1) } }
        }
        for label in 0..<classes {
            let brightest = decodedAs[label].indices.filter { $0 % classes == label }.map { decodedAs[label][$0] }
            let others = decodedAs[label].indices.filter { $0 % classes != label }.map { decodedAs[label][$0] }
            XCTAssertGreaterThan(brightest.reduce(0, +) / Float(brightest.count), others.reduce(0, +) / Float(others.count) + 0.3,
                                 "the decoder ignores label \(label)")
        }
    }
}
