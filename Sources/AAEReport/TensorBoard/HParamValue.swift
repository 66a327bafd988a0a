import SwiftProtobuf

/// One hyperparameter's value in TensorBoard's HParams dashboard: a number (sorted and
/// filtered as a number), a boolean, or text (a categorical value).
public enum HParamValue: Hashable, Sendable {
    case number(Double)
    case bool(Bool)
    case text(String)

    /// The values one hyperparameter's labels stand for, all of one type: numbers when
    /// every label reads as a finite number (`0.001`, `20`), booleans when every label is
    /// `true` or `false`, otherwise the labels as text (`gaussian`, `[512, 512]`).
    public static func column(_ labels: [String]) -> [HParamValue] {
        let numbers = labels.compactMap { Double($0) }.filter(\.isFinite)
        if numbers.count == labels.count { return numbers.map(HParamValue.number) }
        if labels.allSatisfy({ $0 == "true" || $0 == "false" }) { return labels.map { .bool($0 == "true") } }
        return labels.map(HParamValue.text)
    }

    var protobufValue: Google_Protobuf_Value {
        var value = Google_Protobuf_Value()
        switch self {
        case .number(let number): value.numberValue = number
        case .bool(let flag): value.boolValue = flag
        case .text(let text): value.stringValue = text
        }
        return value
    }

    var dataType: Tensorboard_Hparams_DataType {
        switch self {
        case .number: .float64
        case .bool: .bool
        case .text: .string
        }
    }
}
