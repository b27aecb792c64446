/* Browser bundles: the Excel task pane (taskpane.html, commands.html) and the browser preview (preview.html). */
const path = require('node:path');
const fs = require('node:fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** HTTPS for sideloading: the Office dev certificate when installed (npx office-addin-dev-certs install), else self-signed. */
function httpsOptions() {
  const dir = path.join(require('node:os').homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f))))
    return { type: 'https', options: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])) };
  return { type: 'https' };
}

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.ts',
      commands: './src/taskpane/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: { path: path.resolve(__dirname, 'dist/web'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } },
        { test: /\.css$/, type: 'asset/source' },
        // The core is pure (definitions only, no effect at load), so a module whose exports a page does not use is
        // left out even when it is reached through src/core/index.ts: the pane takes the rules' metadata from the
        // core's door without the rules, whose code stays in the review worker.
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/taskpane/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      // The rule catalogue page that 帮助 links to, rendered by the preview bundle from the rules' metadata.
      new HtmlWebpackPlugin({ filename: 'rules.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'src/preview/help.html', to: 'help.html' },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      server: httpsOptions(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      open: false,
      client: { overlay: { warnings: false } },
      onListening: (server) => {
        const base = `https://localhost:${server.server.address().port}`;
        console.log(`\n  预算审核助手 is served at ${base}`);
        console.log(`  Browser preview with the sample workbook: ${base}/preview.html?sample=assets/samples/sample-budget.xlsx`);
        console.log(`  Excel task pane (sideload manifest.xml):  ${base}/taskpane.html\n`);
      },
    },
  };
};
