package weka.core;

import java.io.File;

/** Test access to the package manager's own handling of a package's GenericPropertiesCreator.props. */
public final class PackagePropsAccess {

    private PackagePropsAccess() {}

    /** Does what installing/loading a package does with its GenericPropertiesCreator.props. */
    public static void processGenericPropertiesCreatorProps(File props) {
        WekaPackageManager.processGenericPropertiesCreatorProps(props);
    }
}
