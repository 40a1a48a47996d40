import path from 'node:path'
import { h5SourceHash, writeH5Stamp } from '../server/platform/http/h5Build'

/* After `taro build --type h5`: records which sources dist-h5 was built from, so `npm start` does not build it again. */
const root = path.resolve(__dirname, '..')
writeH5Stamp(path.join(root, 'dist-h5'), h5SourceHash(root))
