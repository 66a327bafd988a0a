/// Orders names the way people read them: digit runs compare by numeric value.
///
/// Run folders are named after their parameters (`seed=2`, `seed=10`); plain string order
/// would put `seed=10` before `seed=2`. Names whose digit runs are numerically equal
/// (`lr=0.01` and `lr=0.010`) fall back to byte order, so the result is a total order and
/// the same on every machine.
enum NaturalOrder {
    /// Whether `a` sorts before `b`.
    static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let natural = compare(Array(a.unicodeScalars), Array(b.unicodeScalars))
        if natural != 0 { return natural < 0 }
        return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }

    /// `names` in natural order.
    static func sorted(_ names: [String]) -> [String] {
        names.sorted(by: areInIncreasingOrder)
    }

    private static func compare(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if isDigit(a[i]) && isDigit(b[j]) {
                let startA = i, startB = j
                while i < a.count && isDigit(a[i]) { i += 1 }
                while j < b.count && isDigit(b[j]) { j += 1 }
                let digitsA = a[startA..<i].drop { $0 == "0" }, digitsB = b[startB..<j].drop { $0 == "0" }
                if digitsA.count != digitsB.count { return digitsA.count < digitsB.count ? -1 : 1 }
                for (x, y) in zip(digitsA, digitsB) where x != y { return x.value < y.value ? -1 : 1 }
            } else {
                if a[i] != b[j] { return a[i].value < b[j].value ? -1 : 1 }
                i += 1
                j += 1
            }
        }
        if i < a.count { return 1 }
        if j < b.count { return -1 }
        return 0
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
