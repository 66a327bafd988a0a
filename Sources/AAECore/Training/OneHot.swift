/// One-hot encoding of integer labels into a row-major matrix.
///
/// A label is a class in `0..<classes`, or `noLabel` for an example whose label is
/// hidden. Only a matrix with a "no label" slot (a label-aware discriminator's label
/// slots) can hold a hidden label; anywhere else it would be read as a class, so it
/// stops the program instead.
public enum OneHot {
    /// The label of an example whose label is hidden.
    public static let noLabel: Int32 = -1

    /// Writes `rows` one-hot rows of `classes` values; every label must be a class.
    public static func fill(_ destination: UnsafeMutablePointer<Float>, labels: UnsafePointer<Int32>,
                            rows: Int, classes: Int) {
        destination.update(repeating: 0, count: rows * classes)
        for row in 0..<rows {
            let label = Int(labels[row])
            precondition((0..<classes).contains(label),
                         "label \(label) is not one of the \(classes) classes (a hidden label needs a \"no label\" slot)")
            destination[row * classes + label] = 1
        }
    }

    /// Writes `rows` rows of `classes + 1` values: the label's class slot, or the
    /// last, "no label" slot for `noLabel`.
    public static func fillWithNoLabelSlot(_ destination: UnsafeMutablePointer<Float>, labels: UnsafePointer<Int32>,
                                           rows: Int, classes: Int) {
        let slots = classes + 1
        destination.update(repeating: 0, count: rows * slots)
        for row in 0..<rows {
            let label = labels[row]
            precondition(label == noLabel || (0..<Int32(classes)).contains(label),
                         "label \(label) is neither one of the \(classes) classes nor OneHot.noLabel")
            destination[row * slots + (label == noLabel ? classes : Int(label))] = 1
        }
    }
}
