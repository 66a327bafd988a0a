import AAECore

/// The memory a run of an experiment will take at its peak, estimated from the file
/// alone — before the data is loaded or a weight allocated — so that `validate` can
/// show it and `run`/`sweep` can refuse a run the machine cannot hold.
///
/// Each part counts what the run allocates for it, as an upper bound: weights and
/// their gradients, the optimizers' state and a checkpoint's encoded copy, the
/// training graphs' values and gradients at the batch size, the evaluation's codes,
/// reconstructions and distance buffers, and the data set as loaded. The networks'
/// sizes come from the layers' own footprints (`LayerFootprint`).
public struct MemoryEstimate: Sendable, Equatable {
    /// The bytes of one stored value.
    static let bytesPerValue = 4
    /// What any run takes besides its own buffers: the runtime, OpenBLAS's work
    /// buffers, the libraries.
    public static let baseline = 64 << 20
    /// Weights, their gradients and non-trained state.
    public let parameters: Int
    /// The optimizers' state and a checkpoint's encoded copy of everything it saves.
    public let optimizerAndCheckpoint: Int
    /// The training graphs' values and gradients at the batch size.
    public let activations: Int
    /// The evaluation's inference graphs, codes, reconstructions and distances.
    public let evaluation: Int
    /// The data set as loaded, and its selected subset.
    public let data: Int

    /// The whole estimate, `baseline` included (saturating).
    public var total: Int {
        [parameters, optimizerAndCheckpoint, activations, evaluation, data].reduce(Self.baseline, LayerFootprint.sum)
    }

    public init(experiment: Experiment) {
        let spec = experiment.model
        let latent = spec.latentDimension
        let input = experiment.data.inputFeatures
        let footprint = ModelFootprint(NetworkPlan(experiment))
        let networks = footprint.networks
        func values(_ counts: Int...) -> Int { counts.reduce(0, LayerFootprint.sum) }
        func times(_ a: Int, _ b: Int) -> Int { LayerFootprint.product(a, b) }
        func bytes(_ count: Int) -> Int { times(count, Self.bytesPerValue) }

        let weights = values(networks.map(\.parameters).reduce(0, LayerFootprint.sum))
        let state = networks.map(\.state).reduce(0, LayerFootprint.sum)
        parameters = bytes(values(times(weights, 2), state))

        func slots(_ phase: TrainingPhase) -> Int {
            let setting = experiment.optimizer.setting(for: phase)
            return OptimizerRegistry.definition(setting.kind)?.stateValuesPerParameter(setting.parameters) ?? 2
        }
        let optimizerValues = spec.definition.optimizerStateValues(footprint, spec: spec, slots: slots)
        optimizerAndCheckpoint = bytes(values(optimizerValues, times(2, values(weights, state, optimizerValues))))

        let batch = experiment.training.batchSize
        activations = bytes(times(batch, spec.definition.trainingValuesPerExample(footprint, spec: spec)))

        let trainAvailable: Int, testAvailable: Int
        if experiment.data.synthetic != nil {
            trainAvailable = Int(experiment.data.parameters["count"] ?? 0)
            testAvailable = Int(experiment.data.parameters["test_count"] ?? 0)
        } else if let files = experiment.data.files {
            trainAvailable = files.trainCount
            testAvailable = files.testCount
        } else {
            (trainAvailable, testAvailable) = (experiment.data.fileDataset ?? MNIST.self).largestSplit
        }
        let trainKept = experiment.data.knownTrainCount
            ?? DataSpec.kept(of: trainAvailable, fraction: experiment.data.trainFraction, size: experiment.data.trainSize)
        let testKept = DataSpec.kept(of: testAvailable, fraction: experiment.data.testFraction,
                                     size: experiment.data.testSize)
        let loaded = values(trainAvailable, testAvailable)
        data = values(bytes(times(loaded, input)), times(loaded, input),
                      bytes(times(values(trainKept, testKept), input)))

        let chunk = 500
        let heldOut = min(RunEvaluator.heldOutLimit, testKept), training = min(RunEvaluator.trainingLimit, trainKept)
        let parzen = experiment.evaluation.parzenSamples
        let inference = times(2 * chunk, values(networks.map(\.inferenceValuesPerExample).reduce(0, LayerFootprint.sum),
                                                input, latent))
        evaluation = bytes(values(
            inference,
            times(values(heldOut, training), latent),
            times(4 * heldOut, input),
            times(heldOut, training),
            times(parzen, values(latent, times(2, input))),
            times(2 * ExperimentRunner.evaluationSize, input),
            times(times(experiment.evaluation.importanceSamples, chunk), input)))
    }

    /// `about 1.2 GB (parameters 12 MB, optimizer and checkpoint 36 MB, …)`.
    public var text: String {
        let parts = [("parameters", parameters), ("optimizer and checkpoint", optimizerAndCheckpoint),
                     ("activations", activations), ("evaluation", evaluation), ("data", data)]
        return "about \(ByteCount.text(total)) ("
            + parts.map { "\($0.0) \(ByteCount.text($0.1))" }.joined(separator: ", ") + ")"
    }
}
