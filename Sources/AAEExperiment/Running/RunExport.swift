import AAECore
import AAEReport
import Foundation

/// The files of a finished run that Python reads without aae-run:
/// weights.safetensors (every parameter and state buffer by its path-like
/// name, the run's configuration as metadata), codes.npy (the held-out codes
/// the evaluation computed, [examples, latent] float32) and labels.npy (their
/// labels, [examples] int32).
///
/// Each file is written atomically, and holds nothing but the model, the data
/// and the configuration: the same file and seed give the same bytes.
public enum RunExport {
    public static let weightsFileName = RunFolderLayout.weightsFileName
    public static let codesFileName = RunFolderLayout.codesFileName
    public static let labelsFileName = RunFolderLayout.labelsFileName
    /// The version of the weights file's naming and layout, in its metadata.
    public static let formatVersion = 1
    /// How the tensors are laid out, in the weights file's metadata.
    static let layout = "float32 little-endian, C order; dense weight [in, out] (Keras' kernel): "
        + "y = x @ weight + bias; batch_normalization: weight = gamma, bias = beta, inference "
        + "(x - running_mean) / sqrt(running_var + epsilon) * weight + bias"

    /// The weights file of `model`, trained `step` steps with the experiment `configuration`
    /// (config.resolved.yaml).
    public static func weights(of model: TrainableModel, configuration: String, step: Int) -> SafetensorsFile {
        SafetensorsFile(
            entries: model.namedTensors.map { SafetensorsFile.Entry(name: $0.name, shape: $0.shape, values: $0.values) },
            metadata: ["format": "aae-run weights", "format_version": String(formatVersion), "layout": layout,
                       "config": configuration, "step": String(step)])
    }

    /// Writes the three files of `model` into `directory`, the codes of the
    /// held-out examples that `evaluator` reads, and returns their URLs.
    @discardableResult
    static func write(model: TrainableModel, evaluator: RunEvaluator, configuration: String, step: Int,
                      in directory: URL) throws -> [URL] {
        let heldOut = evaluator.heldOut
        let codes = evaluator.heldOutCodes(model, of: heldOut)
        let layout = RunFolderLayout(directory)
        let urls = [layout.weights, layout.codes, layout.labels]
        try weights(of: model, configuration: configuration, step: step).write(to: urls[0])
        try NumpyArrayFile(codes, shape: [heldOut.count, model.latentDimension]).write(to: urls[1])
        try NumpyArrayFile(heldOut.labels, shape: [heldOut.count]).write(to: urls[2])
        return urls
    }
}

extension ExperimentRunner {
    /// Writes a finished run's weights.safetensors, codes.npy and labels.npy
    /// again from its final checkpoint: the model is rebuilt from `experiment`
    /// (the run's config.resolved.yaml) and restored. Returns the files written.
    ///
    /// - Throws: `RunError`, leaving the folder as it was, when it has no
    ///   checkpoint, the checkpoint is not of the last step, or it was trained
    ///   with other settings than `experiment`'s.
    public func export() throws -> [URL] {
        try onItsThreads { try exportOnItsThreads() }
    }

    private func exportOnItsThreads() throws -> [URL] {
        let directory = outputDirectory
        let lock = try FolderLock(directory: directory)
        defer { lock.release() }
        guard let checkpoint = try RunCheckpointFile.load(in: directory) else {
            throw RunError("\(directory.path) has no \(RunCheckpointFile.fileName): only runs that ended can be exported")
        }
        let data = try loadData()
        let steps = experiment.training.resolved(trainingExamples: data.train.count).steps
        guard checkpoint.step == steps else {
            throw RunError("the checkpoint in \(directory.path) is at step \(checkpoint.step) of \(steps): "
                           + "the run has not finished; continue it with `aae-run resume \(directory.path)`")
        }
        let configuration = resolvedYAML(experiment)
        guard checkpoint.configuration == configuration else {
            throw RunError("the checkpoint in \(directory.path) was trained with other settings than its "
                           + "\(RunFolderLayout.configurationFileName); export the folder the checkpoint belongs to")
        }
        let model = ModelBuilder.model(experiment, inputFeatures: data.train.featureCount, seed: experiment.seed)
        try model.restore(checkpoint.model)
        return try RunExport.write(model: model, evaluator: RunEvaluator(experiment: experiment, data: data),
                                   configuration: configuration, step: checkpoint.step, in: directory)
    }
}
