import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { ChunkGraph, Compilation, Compiler, Module } from 'webpack'

/*
 * The H5 app opens on the find tab, but Taro's router loads every page with import(),
 * so the browser learns of the find page's chunks (its own and `common`, script and
 * style) only after vendors and app have downloaded and run: one more round trip and
 * a second, serial download on a phone network (issue 11, docs/architecture.md "H5
 * speed"). This plugin writes a <link rel="preload"> into index.html for each file of
 * the chunks that the first page's import() loads, so they download beside vendors.
 * When the router then imports the page, webpack and mini-css-extract find the files
 * already fetched. Only the chunks of the one page module named are preloaded.
 */
export class FirstPagePreload {
  constructor(private readonly firstPage: RegExp) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('FirstPagePreload', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('FirstPagePreload', (data) => {
        const publicPath = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : ''
        const files = firstPageFiles(compilation, this.firstPage)
        if (files.length === 0) throw new Error(`FirstPagePreload: no lazily loaded chunk holds a module matching ${this.firstPage}`)
        const links = files.map((file) => HtmlWebpackPlugin.createHtmlTagObject('link', { rel: 'preload', as: file.endsWith('.css') ? 'style' : 'script', href: publicPath + file }))
        data.headTags.push(...links)
        return data
      })
    })
  }
}

/** The js and css files of the async chunk group that loads the first page, less those index.html already loads. */
function firstPageFiles(compilation: Compilation, firstPage: RegExp): string[] {
  const initialFiles = new Set<string>()
  for (const entry of compilation.entrypoints.values()) for (const file of entry.getFiles()) initialFiles.add(file)
  for (const group of compilation.chunkGroups) {
    if (group.isInitial()) continue
    const holdsPage = group.chunks.some((chunk) =>
      [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some((module) => firstPage.test(module.nameForCondition() ?? '')),
    )
    if (!holdsPage) continue
    return group.getFiles().filter((file) => /\.(js|css)$/.test(file) && !initialFiles.has(file))
  }
  return []
}

/** The page every visit opens on (app.config.ts lists it first): the find tab. */
export const FIRST_PAGE = /[\\/]src[\\/]pages[\\/]find[\\/]index\.tsx$/

const LIBRARY = /[\\/]node_modules[\\/]/

function isLibrary(module: Module): boolean {
  return LIBRARY.test(module.nameForCondition() ?? '')
}

/** Whether a chunk holding `module` also holds the first page, or (withAppShell) is loaded by index.html itself. */
function onFirstScreen(module: Module, chunkGraph: ChunkGraph, withAppShell: boolean): boolean {
  for (const chunk of chunkGraph.getModuleChunksIterable(module)) {
    if (withAppShell && chunk.canBeInitial()) return true
    for (const other of chunkGraph.getChunkModulesIterable(chunk)) if (FIRST_PAGE.test(other.nameForCondition() ?? '')) return true
  }
  return false
}

/**
 * splitChunks `test` of the shared code the first page uses (config/prod.ts
 * `firstScreen`): a module of ours that a chunk holding the first page also holds. The
 * rest of the code pages share goes to `common`, which the first page never loads.
 */
export function sharedWithFirstPage(module: Module, { chunkGraph }: { chunkGraph: ChunkGraph }): boolean {
  return !isLibrary(module) && onFirstScreen(module, chunkGraph, false)
}

/**
 * splitChunks `test` of the vendors chunk (config/prod.ts): a library module that the
 * app shell (an initial chunk) or the first page's chunk holds. A library only later
 * pages import (Taro's photo viewer and its carousel, the picker, the QR code) is left
 * to the lazily loaded vendor chunks, so the first visit does not download it.
 */
export function firstScreenLibrary(module: Module, { chunkGraph }: { chunkGraph: ChunkGraph }): boolean {
  return isLibrary(module) && onFirstScreen(module, chunkGraph, true)
}
