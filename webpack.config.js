/* Browser bundles. For now: the review engine (core) as a library for the browser preview and the task pane. */
const path = require('node:path');

module.exports = (_env, argv) => ({
  mode: argv.mode ?? 'development',
  devtool: argv.mode === 'production' ? 'source-map' : 'eval-source-map',
  entry: { engine: './src/core/index.ts' },
  output: {
    path: path.resolve(__dirname, 'dist/web'),
    filename: '[name].js',
    library: { name: 'BudgetReviewEngine', type: 'umd' },
    clean: true,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [{ test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true } }],
  },
  performance: { hints: false },
});
