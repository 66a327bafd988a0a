/// What the labels of a data set stand for, as figures name them: MNIST's digits,
/// Fashion-MNIST's ten garments, a synthetic set's labels, or plain numbered classes
/// for any other IDX set — never "digit" for something that is not one.
public enum ClassNames: Sendable, Equatable {
    case digits
    case fashionMNIST
    case syntheticLabels
    case numbered

    /// Fashion-MNIST's classes, in label order.
    public static let fashionMNISTNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                                           "Sneaker", "Bag", "Ankle boot"]

    /// The names of an IDX set read from `path`: Fashion-MNIST's when the path names it
    /// (as its official files and folders do), numbered classes otherwise.
    public static func idx(path: String) -> ClassNames {
        path.lowercased().contains("fashion") ? .fashionMNIST : .numbered
    }

    /// The name of `label`: `digit 3`, `Dress`, `label 3`, `class 3`.
    public func name(_ label: Int) -> String {
        switch self {
        case .digits: return "digit \(label)"
        case .fashionMNIST:
            return Self.fashionMNISTNames.indices.contains(label) ? Self.fashionMNISTNames[label] : "class \(label)"
        case .syntheticLabels: return "label \(label)"
        case .numbered: return "class \(label)"
        }
    }

    /// What one label is called on an axis: `digit`, `class`, `label`.
    public var axisTitle: String {
        switch self {
        case .digits: return "digit"
        case .fashionMNIST, .numbered: return "class"
        case .syntheticLabels: return "label"
        }
    }
}
