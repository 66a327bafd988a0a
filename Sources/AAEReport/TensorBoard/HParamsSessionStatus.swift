/// How a run (an HParams session) ended, as the HParams dashboard shows it.
public enum HParamsSessionStatus: Sendable {
    case success
    case failure

    var protobufStatus: Tensorboard_Hparams_Status {
        switch self {
        case .success: .success
        case .failure: .failure
        }
    }
}
