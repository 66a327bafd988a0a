/// The version of aae-run, printed by `aae-run --version`.
public enum AAERunVersion {
    public static let current = "0.1.0"
}
