/** Reference data for the demo: sales regions, real cities, people's names and the words stores are named with. */

export const demoRegions = [
  { code: 'EAST', name: '华东大区' },
  { code: 'SOUTH', name: '华南大区' },
  // The northwest is small for a snack maker's KA business, so it reports to the north region.
  { code: 'NORTH', name: '华北大区' },
  { code: 'CENTRAL', name: '华中大区' },
  { code: 'SOUTHWEST', name: '西南大区' },
  { code: 'NORTHEAST', name: '东北大区' },
] as const;
export type RegionCode = (typeof demoRegions)[number]['code'];

export interface DemoCity {
  name: string;
  /** For org unit codes: 'shanghai'. */
  pinyin: string;
  /** Syllable initials, for store codes like 'SH-0031'. */
  abbr: string;
  province: string;
  region: RegionCode;
  latitude: number;
  longitude: number;
  /** 1 a megacity, 2 a provincial capital or big city, 3 a prefecture city: how many stores it gets. */
  size: 1 | 2 | 3;
  districts: string[];
  /** Named shopping areas (商圈); empty when the generic ones will do. */
  tradeAreas: string[];
}

const city = (
  name: string,
  syllables: string,
  province: string,
  region: RegionCode,
  latitude: number,
  longitude: number,
  size: 1 | 2 | 3,
  districts: string,
  tradeAreas = '',
): DemoCity => ({
  name,
  pinyin: syllables.replaceAll(' ', ''),
  abbr: syllables
    .split(' ')
    .map((syllable) => syllable[0].toUpperCase())
    .join(''),
  province,
  region,
  latitude,
  longitude,
  size,
  districts: districts.split(' '),
  tradeAreas: tradeAreas ? tradeAreas.split(' ') : [],
});

/** Approximate city-centre coordinates; each store is jittered around them. */
// prettier-ignore
export const demoCities: DemoCity[] = [
  // 华东
  city('上海', 'shang hai', '上海市', 'EAST', 31.23, 121.47, 1, '浦东新区 徐汇区 闵行区 普陀区 杨浦区 宝山区 长宁区 嘉定区 松江区', '五角场 徐家汇 中山公园 陆家嘴 莘庄 真如 大宁 七宝 松江新城 南京西路'),
  city('南京', 'nan jing', '江苏省', 'EAST', 32.06, 118.8, 2, '鼓楼区 玄武区 秦淮区 建邺区 江宁区 栖霞区', '新街口 湖南路 河西 仙林 百家湖 夫子庙'),
  city('苏州', 'su zhou', '江苏省', 'EAST', 31.3, 120.62, 2, '姑苏区 吴中区 相城区 虎丘区 吴江区', '观前街 湖东 石路 狮山 木渎'),
  city('无锡', 'wu xi', '江苏省', 'EAST', 31.49, 120.31, 2, '梁溪区 滨湖区 新吴区 锡山区', '三阳广场 崇安寺 蠡湖'),
  city('常州', 'chang zhou', '江苏省', 'EAST', 31.81, 119.97, 3, '天宁区 钟楼区 新北区 武进区', '南大街 湖塘 万达广场'),
  city('南通', 'nan tong', '江苏省', 'EAST', 31.98, 120.89, 3, '崇川区 通州区 海门区', '南大街 濠河'),
  city('徐州', 'xu zhou', '江苏省', 'EAST', 34.26, 117.18, 3, '鼓楼区 云龙区 泉山区', '彭城广场 淮海路'),
  city('扬州', 'yang zhou', '江苏省', 'EAST', 32.39, 119.41, 3, '广陵区 邗江区', '文昌阁 京华城'),
  city('杭州', 'hang zhou', '浙江省', 'EAST', 30.27, 120.16, 1, '上城区 拱墅区 西湖区 滨江区 萧山区 余杭区', '武林 湖滨 黄龙 钱江新城 临平 文三路'),
  city('宁波', 'ning bo', '浙江省', 'EAST', 29.87, 121.55, 2, '海曙区 江北区 鄞州区 北仑区 镇海区', '天一广场 鼓楼 东部新城 万达广场'),
  city('温州', 'wen zhou', '浙江省', 'EAST', 28.0, 120.7, 2, '鹿城区 龙湾区 瓯海区', '五马街 人民路 新城'),
  city('绍兴', 'shao xing', '浙江省', 'EAST', 30.0, 120.58, 3, '越城区 柯桥区 上虞区', '解放路 轻纺城'),
  city('嘉兴', 'jia xing', '浙江省', 'EAST', 30.75, 120.76, 3, '南湖区 秀洲区'),
  city('台州', 'tai zhou', '浙江省', 'EAST', 28.66, 121.42, 3, '椒江区 黄岩区 路桥区'),
  city('金华', 'jin hua', '浙江省', 'EAST', 29.08, 119.65, 3, '婺城区 金东区'),
  city('合肥', 'he fei', '安徽省', 'EAST', 31.82, 117.23, 2, '蜀山区 庐阳区 包河区 瑶海区', '三孝口 四牌楼 政务区 淮河路'),
  city('芜湖', 'wu hu', '安徽省', 'EAST', 31.35, 118.43, 3, '镜湖区 弋江区 鸠江区', '中山路 步行街'),
  city('济南', 'ji nan', '山东省', 'EAST', 36.65, 117.12, 2, '历下区 市中区 槐荫区 天桥区 历城区', '泉城路 大观园 洪家楼 经十路'),
  city('青岛', 'qing dao', '山东省', 'EAST', 36.07, 120.38, 2, '市南区 市北区 李沧区 崂山区 黄岛区 城阳区', '香港中路 台东 李村 中山路'),
  city('烟台', 'yan tai', '山东省', 'EAST', 37.46, 121.45, 3, '芝罘区 莱山区 福山区', '南大街 大悦城'),
  city('潍坊', 'wei fang', '山东省', 'EAST', 36.71, 119.16, 3, '奎文区 潍城区 高新区'),
  city('淄博', 'zi bo', '山东省', 'EAST', 36.81, 118.05, 3, '张店区 淄川区 周村区'),
  city('临沂', 'lin yi', '山东省', 'EAST', 35.1, 118.36, 3, '兰山区 罗庄区 河东区'),
  city('威海', 'wei hai', '山东省', 'EAST', 37.51, 122.12, 3, '环翠区 文登区'),
  city('福州', 'fu zhou', '福建省', 'EAST', 26.07, 119.3, 2, '鼓楼区 台江区 仓山区 晋安区', '东街口 五四路 宝龙'),
  city('厦门', 'xia men', '福建省', 'EAST', 24.48, 118.09, 2, '思明区 湖里区 集美区 海沧区', '中山路 SM 莲坂'),
  city('泉州', 'quan zhou', '福建省', 'EAST', 24.87, 118.68, 3, '丰泽区 鲤城区 洛江区', '中山路 浦西万达'),
  // 华南
  city('广州', 'guang zhou', '广东省', 'SOUTH', 23.13, 113.26, 1, '天河区 越秀区 海珠区 荔湾区 白云区 番禺区', '天河路 北京路 江南西 上下九 市桥 珠江新城'),
  city('深圳', 'shen zhen', '广东省', 'SOUTH', 22.54, 114.06, 1, '福田区 罗湖区 南山区 宝安区 龙岗区 龙华区', '东门 华强北 南头 布吉 宝安中心区 蛇口 梅林'),
  city('东莞', 'dong guan', '广东省', 'SOUTH', 23.02, 113.75, 2, '南城街道 东城街道 莞城街道 虎门镇 长安镇', '东城 鸿福路 虎门'),
  city('佛山', 'fo shan', '广东省', 'SOUTH', 23.02, 113.12, 2, '禅城区 南海区 顺德区', '祖庙 千灯湖 大良'),
  city('珠海', 'zhu hai', '广东省', 'SOUTH', 22.27, 113.58, 3, '香洲区 金湾区 斗门区', '拱北 老香洲'),
  city('中山', 'zhong shan', '广东省', 'SOUTH', 22.52, 113.39, 3, '石岐街道 东区街道 小榄镇'),
  city('惠州', 'hui zhou', '广东省', 'SOUTH', 23.11, 114.42, 3, '惠城区 惠阳区'),
  city('汕头', 'shan tou', '广东省', 'SOUTH', 23.35, 116.68, 3, '金平区 龙湖区 澄海区'),
  city('南宁', 'nan ning', '广西壮族自治区', 'SOUTH', 22.82, 108.37, 2, '青秀区 兴宁区 西乡塘区 江南区', '朝阳广场 琅东 万象城'),
  city('柳州', 'liu zhou', '广西壮族自治区', 'SOUTH', 24.33, 109.41, 3, '城中区 鱼峰区 柳南区'),
  city('桂林', 'gui lin', '广西壮族自治区', 'SOUTH', 25.27, 110.29, 3, '秀峰区 七星区 象山区'),
  city('海口', 'hai kou', '海南省', 'SOUTH', 20.04, 110.2, 3, '龙华区 美兰区 秀英区', '国贸 解放路'),
  // 华北 (with the northwest)
  city('北京', 'bei jing', '北京市', 'NORTH', 39.9, 116.41, 1, '朝阳区 海淀区 丰台区 西城区 东城区 通州区 昌平区', '望京 中关村 西单 王府井 方庄 双井 五道口 回龙观'),
  city('天津', 'tian jin', '天津市', 'NORTH', 39.13, 117.2, 1, '和平区 南开区 河西区 河东区 河北区 滨海新区', '滨江道 小白楼 大悦城 塘沽'),
  city('石家庄', 'shi jia zhuang', '河北省', 'NORTH', 38.04, 114.51, 2, '长安区 桥西区 裕华区 新华区', '北国商城 万达广场'),
  city('唐山', 'tang shan', '河北省', 'NORTH', 39.63, 118.18, 3, '路北区 路南区 丰润区'),
  city('保定', 'bao ding', '河北省', 'NORTH', 38.87, 115.46, 3, '竞秀区 莲池区'),
  city('廊坊', 'lang fang', '河北省', 'NORTH', 39.54, 116.68, 3, '广阳区 安次区'),
  city('太原', 'tai yuan', '山西省', 'NORTH', 37.87, 112.55, 2, '小店区 迎泽区 杏花岭区 万柏林区', '柳巷 亲贤街'),
  city('呼和浩特', 'hu he hao te', '内蒙古自治区', 'NORTH', 40.84, 111.75, 3, '新城区 赛罕区 回民区'),
  city('西安', 'xi an', '陕西省', 'NORTH', 34.34, 108.94, 2, '雁塔区 碑林区 新城区 莲湖区 未央区', '钟楼 小寨 高新 赛格'),
  city('兰州', 'lan zhou', '甘肃省', 'NORTH', 36.06, 103.83, 3, '城关区 七里河区 安宁区', '西关 东方红广场'),
  city('银川', 'yin chuan', '宁夏回族自治区', 'NORTH', 38.49, 106.23, 3, '兴庆区 金凤区'),
  city('乌鲁木齐', 'wu lu mu qi', '新疆维吾尔自治区', 'NORTH', 43.83, 87.62, 3, '天山区 沙依巴克区 新市区', '友好 小西门'),
  // 华中
  city('武汉', 'wu han', '湖北省', 'CENTRAL', 30.59, 114.31, 1, '江汉区 江岸区 武昌区 洪山区 汉阳区 硚口区', '江汉路 中南 光谷 徐东 楚河汉街 王家湾'),
  city('宜昌', 'yi chang', '湖北省', 'CENTRAL', 30.69, 111.29, 3, '西陵区 伍家岗区'),
  city('襄阳', 'xiang yang', '湖北省', 'CENTRAL', 32.01, 112.12, 3, '樊城区 襄城区'),
  city('荆州', 'jing zhou', '湖北省', 'CENTRAL', 30.33, 112.24, 3, '沙市区 荆州区'),
  city('长沙', 'chang sha', '湖南省', 'CENTRAL', 28.23, 112.94, 2, '芙蓉区 天心区 岳麓区 开福区 雨花区', '五一广场 东塘 袁家岭 溁湾镇 侯家塘'),
  city('株洲', 'zhu zhou', '湖南省', 'CENTRAL', 27.83, 113.13, 3, '芦淞区 天元区 荷塘区'),
  city('湘潭', 'xiang tan', '湖南省', 'CENTRAL', 27.83, 112.94, 3, '雨湖区 岳塘区', '基建营 建设路口'),
  city('衡阳', 'heng yang', '湖南省', 'CENTRAL', 26.89, 112.57, 3, '蒸湘区 雁峰区 石鼓区'),
  city('岳阳', 'yue yang', '湖南省', 'CENTRAL', 29.36, 113.13, 3, '岳阳楼区 云溪区'),
  city('常德', 'chang de', '湖南省', 'CENTRAL', 29.03, 111.7, 3, '武陵区 鼎城区'),
  city('郑州', 'zheng zhou', '河南省', 'CENTRAL', 34.75, 113.62, 2, '金水区 二七区 中原区 管城回族区 惠济区', '二七广场 花园路 郑东新区 紫荆山'),
  city('洛阳', 'luo yang', '河南省', 'CENTRAL', 34.62, 112.45, 3, '涧西区 西工区 老城区'),
  city('新乡', 'xin xiang', '河南省', 'CENTRAL', 35.3, 113.93, 3, '红旗区 卫滨区'),
  city('许昌', 'xu chang', '河南省', 'CENTRAL', 34.04, 113.85, 3, '魏都区 建安区'),
  city('南阳', 'nan yang', '河南省', 'CENTRAL', 33.0, 112.53, 3, '卧龙区 宛城区'),
  city('南昌', 'nan chang', '江西省', 'CENTRAL', 28.68, 115.86, 2, '东湖区 西湖区 青山湖区 红谷滩区', '八一广场 中山路 红谷滩'),
  city('九江', 'jiu jiang', '江西省', 'CENTRAL', 29.71, 116.0, 3, '浔阳区 濂溪区'),
  // 西南
  city('成都', 'cheng du', '四川省', 'SOUTHWEST', 30.57, 104.07, 1, '锦江区 青羊区 武侯区 成华区 金牛区 高新区', '春熙路 盐市口 骡马市 建设路 双楠 金沙'),
  city('绵阳', 'mian yang', '四川省', 'SOUTHWEST', 31.47, 104.68, 3, '涪城区 游仙区'),
  city('德阳', 'de yang', '四川省', 'SOUTHWEST', 31.13, 104.4, 3, '旌阳区 罗江区'),
  city('重庆', 'chong qing', '重庆市', 'SOUTHWEST', 29.56, 106.55, 1, '渝中区 江北区 南岸区 沙坪坝区 九龙坡区 渝北区', '解放碑 观音桥 南坪 三峡广场 杨家坪'),
  city('昆明', 'kun ming', '云南省', 'SOUTHWEST', 24.88, 102.83, 2, '五华区 盘龙区 官渡区 西山区', '南屏街 东风广场 北京路'),
  city('贵阳', 'gui yang', '贵州省', 'SOUTHWEST', 26.65, 106.63, 2, '南明区 云岩区 观山湖区', '喷水池 大十字 花果园'),
  city('遵义', 'zun yi', '贵州省', 'SOUTHWEST', 27.73, 106.93, 3, '红花岗区 汇川区'),
  // 东北
  city('沈阳', 'shen yang', '辽宁省', 'NORTHEAST', 41.81, 123.43, 2, '和平区 沈河区 铁西区 皇姑区 大东区', '中街 太原街 北行'),
  city('大连', 'da lian', '辽宁省', 'NORTHEAST', 38.91, 121.61, 2, '中山区 西岗区 沙河口区 甘井子区', '青泥洼桥 西安路 天津街'),
  city('鞍山', 'an shan', '辽宁省', 'NORTHEAST', 41.11, 122.99, 3, '铁东区 铁西区 立山区'),
  city('锦州', 'jin zhou', '辽宁省', 'NORTHEAST', 41.1, 121.13, 3, '古塔区 太和区'),
  city('长春', 'chang chun', '吉林省', 'NORTHEAST', 43.82, 125.32, 2, '朝阳区 南关区 绿园区 宽城区', '重庆路 红旗街 桂林路'),
  city('吉林', 'ji lin', '吉林省', 'NORTHEAST', 43.84, 126.55, 3, '船营区 丰满区 昌邑区'),
  city('哈尔滨', 'ha er bin', '黑龙江省', 'NORTHEAST', 45.8, 126.53, 2, '道里区 南岗区 香坊区 道外区', '中央大街 秋林 学府路'),
  city('大庆', 'da qing', '黑龙江省', 'NORTHEAST', 46.59, 125.1, 3, '萨尔图区 让胡路区'),
];

/** Shopping areas every Chinese city has one of, for cities without named ones above. */
export const genericTradeAreas = [
  '市中心',
  '火车站',
  '老城区',
  '新城区',
  '开发区',
  '大学城',
  '万达广场',
  '步行街',
];

/** Road names found in most Chinese cities. */
// prettier-ignore
export const roadNames = [
  '人民路', '解放路', '中山路', '建设路', '新华路', '和平路', '胜利路', '文化路', '东风路', '青年路',
  '长江路', '黄河路', '滨江路', '迎宾大道', '世纪大道', '健康路', '工业路', '朝阳路', '光明路', '幸福路',
];

/** Where a big store sits: appended to the address now and then. */
export const storeLocations = ['购物广场', '万达广场', '时代广场', '商业中心', '国际广场', '购物中心'];

/** [surname, pinyin, relative frequency] */
// prettier-ignore
export const surnames: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 72], ['李', 'li', 71], ['张', 'zhang', 68], ['刘', 'liu', 54], ['陈', 'chen', 46],
  ['杨', 'yang', 33], ['黄', 'huang', 25], ['赵', 'zhao', 21], ['吴', 'wu', 20], ['周', 'zhou', 19],
  ['徐', 'xu', 14], ['孙', 'sun', 13], ['马', 'ma', 12], ['朱', 'zhu', 11], ['胡', 'hu', 11],
  ['郭', 'guo', 10], ['何', 'he', 10], ['高', 'gao', 9], ['林', 'lin', 9], ['罗', 'luo', 9],
  ['郑', 'zheng', 8], ['梁', 'liang', 8], ['谢', 'xie', 7], ['宋', 'song', 7], ['唐', 'tang', 6],
  ['许', 'xu', 6], ['韩', 'han', 6], ['冯', 'feng', 6], ['邓', 'deng', 6], ['曹', 'cao', 6],
  ['彭', 'peng', 5], ['曾', 'zeng', 5], ['肖', 'xiao', 5], ['田', 'tian', 5], ['董', 'dong', 5],
  ['袁', 'yuan', 5], ['潘', 'pan', 4], ['蒋', 'jiang', 4], ['蔡', 'cai', 4], ['余', 'yu', 4],
  ['杜', 'du', 4], ['叶', 'ye', 4], ['程', 'cheng', 4], ['苏', 'su', 4], ['魏', 'wei', 4],
  ['吕', 'lv', 4], ['丁', 'ding', 4], ['任', 'ren', 4], ['沈', 'shen', 4], ['姚', 'yao', 3],
  ['卢', 'lu', 3], ['姜', 'jiang', 3], ['崔', 'cui', 3], ['钟', 'zhong', 3], ['谭', 'tan', 3],
  ['陆', 'lu', 3], ['汪', 'wang', 3], ['范', 'fan', 3], ['金', 'jin', 3], ['石', 'shi', 3],
  ['廖', 'liao', 3], ['贾', 'jia', 3], ['夏', 'xia', 3], ['韦', 'wei', 3], ['方', 'fang', 3],
  ['白', 'bai', 3], ['邹', 'zou', 3], ['孟', 'meng', 2], ['熊', 'xiong', 2], ['秦', 'qin', 2],
  ['邱', 'qiu', 2], ['江', 'jiang', 2], ['尹', 'yin', 2], ['薛', 'xue', 2], ['段', 'duan', 2],
  ['雷', 'lei', 2], ['侯', 'hou', 2], ['龙', 'long', 2], ['史', 'shi', 2], ['陶', 'tao', 2],
  ['贺', 'he', 2], ['顾', 'gu', 2], ['毛', 'mao', 2], ['郝', 'hao', 2], ['龚', 'gong', 2],
  ['邵', 'shao', 2], ['万', 'wan', 2], ['钱', 'qian', 2], ['严', 'yan', 2], ['戴', 'dai', 2],
];

/** [given name, pinyin] */
// prettier-ignore
export const givenNames: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀英', 'xiuying'], ['霞', 'xia'], ['平', 'ping'],
  ['刚', 'gang'], ['桂英', 'guiying'], ['华', 'hua'], ['建华', 'jianhua'], ['志强', 'zhiqiang'],
  ['海燕', 'haiyan'], ['晓东', 'xiaodong'], ['丹', 'dan'], ['萍', 'ping'], ['鹏', 'peng'], ['辉', 'hui'],
  ['斌', 'bin'], ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'], ['婷', 'ting'], ['雪', 'xue'], ['琳', 'lin'],
  ['颖', 'ying'], ['晨', 'chen'], ['佳', 'jia'], ['欣', 'xin'], ['鑫', 'xin'], ['亮', 'liang'], ['宁', 'ning'],
  ['波', 'bo'], ['红', 'hong'], ['玲', 'ling'], ['倩', 'qian'], ['建国', 'jianguo'], ['文', 'wen'],
  ['慧', 'hui'], ['俊', 'jun'], ['燕', 'yan'], ['梅', 'mei'], ['立新', 'lixin'], ['春燕', 'chunyan'],
  ['国强', 'guoqiang'], ['思远', 'siyuan'], ['子涵', 'zihan'], ['雨婷', 'yuting'], ['峰', 'feng'],
  ['琴', 'qin'], ['云', 'yun'], ['晶', 'jing'], ['博', 'bo'], ['昊', 'hao'], ['一鸣', 'yiming'],
  ['晓燕', 'xiaoyan'], ['建军', 'jianjun'], ['小红', 'xiaohong'], ['文静', 'wenjing'], ['海涛', 'haitao'],
];

/** Relationship notes (客情) a rep keeps about a buyer or a store manager. */
export const contactNotes = [
  '周一、周四上午巡店，避开这两个时间拜访。',
  '喜欢喝茶，拜访时可以聊聊茶叶。',
  '对新品上市比较积极，要求提供试吃支持。',
  '孩子今年高考，节后注意问候。',
  '对账期问题比较敏感，对账单要提前核对好再谈。',
  '老家湖南，爱吃辣，请客注意口味。',
  '上次堆头费谈判让步较多，需要多维护关系。',
  '刚调任，需要尽快建立客情。',
  '重视陈列执行，拜访前先把货架理好。',
  '习惯微信沟通，电话常常不接。',
  '中秋、春节礼品要提前准备。',
  '对竞品价格很关注，常拿康师傅、统一的促销来压价。',
  '为人直爽，讲数据，汇报要带销售分析。',
  '下午三点以后比较有空。',
  '对促销员管理要求严格，考勤要做实。',
  '喜欢打羽毛球，周末有时约球。',
  '上季度缺货被投诉过一次，需要重点跟进订单。',
  '和前任代表关系一般，新代表要重新建立信任。',
  '是我们品牌的老朋友，店庆活动一直支持。',
  '关心门店业绩排名，可以用同城对比数据沟通。',
];

export const contactTitles = {
  buyer: ['食品采购', '休闲食品采购经理', '采购主管', '干货课采购'],
  category_manager: ['休闲食品品类经理', '品类经理', '食品部品类主管'],
  finance: ['财务对账主管', '供应商结算专员', '财务经理'],
  store_manager: ['店长', '店总', '副店长'],
  section_head: ['食品柜组长', '休闲食品课长', '干货区主管', '食品部经理'],
} as const;
