import AAECore

/// The data sets of image files a `data.dataset` can name and aae-run finds by itself (see
/// `FileDataset`). Adding one is one `FileDataset` type in AAECore plus one entry here.
public enum FileDatasetRegistry {
    public static let datasets: [any FileDataset.Type] = [
        MNIST.self,
        FashionMNIST.self,
    ]

    public static var names: [String] { datasets.map { $0.name } }

    public static func dataset(_ name: String) -> (any FileDataset.Type)? {
        datasets.first { $0.name == name }
    }
}
