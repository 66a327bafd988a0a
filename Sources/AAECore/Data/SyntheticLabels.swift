/// How the synthetic datasets label their examples: example `i` has label
/// `i % classes`, so every label is equally frequent in any prefix and the
/// number of examples of each label is known without generating them (which
/// lets an experiment file be checked against its batch size cheaply).
public enum SyntheticLabels {
    /// The label of example `index`.
    public static func label(ofExample index: Int, classes: Int) -> Int {
        index % classes
    }

    /// How many of the first `examples` examples have each label `0..<classes`.
    public static func counts(examples: Int, classes: Int) -> [Int] {
        (0..<classes).map { examples / classes + ($0 < examples % classes ? 1 : 0) }
    }
}
