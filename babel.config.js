// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        // The H5 build renders with Preact (config/index.ts); without hot reload, since
        // Preact's would need @prefresh, which this project does not use.
        framework: process.env.TARO_ENV === 'h5' ? 'preact' : 'react',
        hot: process.env.TARO_ENV === 'h5' ? false : undefined,
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
}
