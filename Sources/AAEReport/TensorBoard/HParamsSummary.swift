import SwiftProtobuf

/// The summary values of TensorBoard's HParams plugin: the experiment (its
/// hyperparameters, their values, its metrics), and each session's start (its values)
/// and end (its status).
///
/// Each is a tensor summary whose metadata carries the plugin's data, under the tags the
/// plugin reads (`_hparams_/experiment`, `_hparams_/session_start_info`,
/// `_hparams_/session_end_info`), with the empty float vector as its tensor, as
/// TensorBoard's own `hparams.summary` writes them.
enum HParamsSummary {
    static let pluginName = "hparams"
    static let experimentTag = "_hparams_/experiment"
    static let sessionStartTag = "_hparams_/session_start_info"
    static let sessionEndTag = "_hparams_/session_end_info"

    /// The experiment: every hyperparameter with the values it takes (their type is that
    /// of the first value), and every metric by its scalar tag.
    static func experiment(hyperparameters: [(name: String, values: [HParamValue])],
                           metrics: [String]) throws -> Tensorboard_Summary {
        var experiment = Tensorboard_Hparams_Experiment()
        experiment.hparamInfos = hyperparameters.map { name, values in
            var info = Tensorboard_Hparams_HParamInfo()
            info.name = name
            info.type = values.first?.dataType ?? .string
            var domain = Google_Protobuf_ListValue()
            domain.values = values.map(\.protobufValue)
            info.domainDiscrete = domain
            return info
        }
        experiment.metricInfos = metrics.map { tag in
            var info = Tensorboard_Hparams_MetricInfo()
            info.name.tag = tag
            return info
        }
        var data = Tensorboard_Hparams_HParamsPluginData()
        data.experiment = experiment
        return try summary(tag: experimentTag, data: data)
    }

    /// A session's start: its value of every hyperparameter.
    static func sessionStart(hyperparameters: [(name: String, value: HParamValue)],
                             startTime: Double) throws -> Tensorboard_Summary {
        var start = Tensorboard_Hparams_SessionStartInfo()
        start.hparams = Dictionary(hyperparameters.map { ($0.name, $0.value.protobufValue) },
                                   uniquingKeysWith: { first, _ in first })
        start.startTimeSecs = startTime
        var data = Tensorboard_Hparams_HParamsPluginData()
        data.sessionStartInfo = start
        return try summary(tag: sessionStartTag, data: data)
    }

    /// A session's end.
    static func sessionEnd(status: HParamsSessionStatus, endTime: Double) throws -> Tensorboard_Summary {
        var end = Tensorboard_Hparams_SessionEndInfo()
        end.status = status.protobufStatus
        end.endTimeSecs = endTime
        var data = Tensorboard_Hparams_HParamsPluginData()
        data.sessionEndInfo = end
        return try summary(tag: sessionEndTag, data: data)
    }

    private static func summary(tag: String, data: Tensorboard_Hparams_HParamsPluginData) throws -> Tensorboard_Summary {
        var value = Tensorboard_Summary.Value()
        value.tag = tag
        value.metadata.pluginData.pluginName = pluginName
        value.metadata.pluginData.content = try data.deterministicBytes()
        var tensor = Tensorboard_TensorProto()
        tensor.dtype = .dtFloat
        var dimension = Tensorboard_TensorShapeProto.Dim()
        dimension.size = 0
        tensor.tensorShape.dim = [dimension]
        value.tensor = tensor
        var summary = Tensorboard_Summary()
        summary.value = [value]
        return summary
    }
}
